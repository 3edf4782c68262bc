import { distinctiveLetters, foreignLetterCount } from './alphabets';

describe('alphabets', () => {
  it('keeps only the letters that tell languages apart', () => {
    expect(distinctiveLetters('ŽadintuvąRytoj').sort()).toEqual(['ą', 'ž']);
    expect(distinctiveLetters('Where is my parcel')).toEqual([]);
    expect(distinctiveLetters('取消闹钟')).toEqual([]);
  });

  it('counts the letters a language does not write', () => {
    expect(foreignLetterCount('pl', ['ą', 'ž'])).toBe(1); // Polish has ą but no ž
    expect(foreignLetterCount('lt', ['ą', 'ž'])).toBe(0);
    expect(foreignLetterCount('ru', ['қ', 'а'])).toBe(1);
    expect(foreignLetterCount('kk', ['қ', 'а'])).toBe(0);
    expect(foreignLetterCount('en', ['é'])).toBe(1);
    expect(foreignLetterCount('fr', ['é', 'ç'])).toBe(0);
    expect(foreignLetterCount('de', ['ß', 'ü'])).toBe(0);
  });

  it('never penalises a language whose alphabet is not listed', () => {
    expect(foreignLetterCount('vi', ['ư', 'ơ'])).toBe(0);
  });
});
