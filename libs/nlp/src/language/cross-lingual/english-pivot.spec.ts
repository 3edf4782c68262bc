import { englishPivot, pivotTokens } from './english-pivot';

describe('englishPivot', () => {
  it.each([
    ['de', 'Paket nicht angekommen', ['parcel', 'arrive']],
    ['fr', "J'ai oublié mon mot de passe et l'email de réinitialisation n'arrive jamais", ['forgot', 'password', 'reset', 'email']],
    ['es', 'Olvidé mi contraseña y el correo para restablecerla nunca llega', ['forgot', 'password', 'reset', 'email', 'arrive']],
    ['pt', 'Esqueci minha senha e o e-mail de redefinição nunca chega', ['forgot', 'password', 'reset', 'arrive']],
    ['de', 'Ich habe mein Passwort vergessen und die E-Mail zum Zurücksetzen kommt nie an', ['password', 'forgot', 'reset', 'email']],
    ['zh', '我忘记了密码，重置邮件一直收不到', ['forgot', 'password', 'reset', 'email', 'arrive']],
    ['ja', 'パスワードを忘れてしまい、リセットのメールが届きません', ['password', 'forgot', 'reset', 'email', 'receive']],
    ['de', 'Lieferadresse ändern', ['delivery', 'address', 'change']],
    ['de', 'Wecker stellen', ['alarm', 'set']],
  ])('reads %s "%s" in English', (language, text, expected) => {
    const pivot = englishPivot(text);
    expect(pivot.language).toBe(language);
    expect(pivot.glosses).toEqual(expect.arrayContaining(expected));
  });

  it.each(['Snooze alarm', 'I was charged twice, please note the order number', 'Where is my package? It was supposed to arrive yesterday'])('leaves English as it is: "%s"', (text) => {
    expect(englishPivot(text)).toEqual({ language: 'en', glosses: [], unknown: [], coverage: 1 });
    expect(pivotTokens(text)).toEqual(expect.not.arrayContaining(['parcel']));
  });

  it('gives a model the glosses and the words the lexicon does not know (names, numbers)', () => {
    expect(pivotTokens('Paket 4711 an Müller verloren')).toEqual(['parcel', 'package', 'lost', '4711', 'an', 'muller']);
    expect(englishPivot('Paket 4711 an Müller verloren').coverage).toBeCloseTo(2 / 5);
  });

  it('reads Chinese and Japanese that quote Latin names', () => {
    expect(englishPivot('Spotify上播放音乐').glosses).toEqual(expect.arrayContaining(['play', 'music']));
  });
});
