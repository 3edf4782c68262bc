import { profileLanguage } from './profile-language';

describe('profileLanguage', () => {
  it.each([
    [{ language: 'es' }, 'es'],
    [{ language: 'PT-br' }, 'pt'],
    [{ locale: 'fr_CA' }, 'fr'],
    [{ locale: 'zh-Hant-TW' }, 'zh'],
    [{ language: 'iw' }, 'he'],
    [{ language: 'english', locale: 'de-AT' }, 'de'],
  ])('reads %j as %s', (metadata, code) => {
    expect(profileLanguage(metadata)).toBe(code);
  });

  it.each([{}, { language: 'english' }, { language: 'zz' }, { language: 'x-klingon' }, { language: 42 }, { locale: '' }, { locale: '@@' }])('ignores %j', (metadata) => {
    expect(profileLanguage(metadata as Record<string, unknown>)).toBeUndefined();
  });
});
