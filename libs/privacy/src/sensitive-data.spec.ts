import { passesLuhn } from './checksums';
import { hasSensitive, maskSensitive, maskSensitiveValues } from './sensitive-data';

const VISA = '4111 1111 1111 1111';

describe('maskSensitive', () => {
  it.each([
    ['spaces', `Card ${VISA} was charged`, 'Card [card ••••1111] was charged'],
    ['dashes', 'card 5555-5555-5555-4444 please', 'card [card ••••4444] please'],
    ['no separators', 'Amex 378282246310005.', 'Amex [card ••••0005].'],
    ['full-width digits (ja)', 'カード番号は４１１１１１１１１１１１１１１１です', 'カード番号は[card ••••1111]です'],
    ['full-width digits with ideographic spaces (zh)', '卡号４１１１　１１１１　１１１１　１１１１。', '卡号[card ••••1111]。'],
    ['a CVV right after the number', `${VISA} 123`, '[card ••••1111] 123'],
  ])('masks a Luhn-valid card number: %s', (_case, text, expected) => {
    expect(maskSensitive(text)).toBe(expected);
  });

  it.each([
    ['a 16-digit order number failing Luhn', 'Order 4111111111111112 shipped'],
    ['a Luhn-valid number with no issuer prefix', 'Tracking 1000000000000008 left the depot'],
    ['a date and an amount', 'Refunded 49.99 EUR on 2026-11-21'],
    ['a phone number', 'Call +34 612 345 678'],
  ])('leaves %s alone', (_case, text) => {
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(maskSensitive(text)).toBe(text);
    expect(hasSensitive(text)).toBe(false);
  });

  it.each([
    ['en', 'My CVV is 737, please fix it', 'My CVV is •••, please fix it'],
    ['en security code', 'security code: 1234', 'security code: •••'],
    ['es', 'El código de seguridad es 737', 'El código de seguridad es •••'],
    ['fr', 'Le cryptogramme visuel : 737', 'Le cryptogramme visuel : •••'],
    ['de', 'Die Prüfnummer lautet 737.', 'Die Prüfnummer lautet •••.'],
    ['pt', 'O código de segurança é 737', 'O código de segurança é •••'],
    ['zh', '安全码是７３７', '安全码是•••'],
    ['ja', 'セキュリティコードは737です', 'セキュリティコードは•••です'],
  ])('masks a CVV named in %s', (_language, text, expected) => {
    expect(maskSensitive(text)).toBe(expected);
  });

  it.each([
    ['en', 'my password is Summer2024! thanks', 'my password is [redacted] thanks'],
    ['en, bare', '(jamie@example.com, password Hunter2!)', '(jamie@example.com, password [redacted])'],
    ['es', 'mi contraseña: gato-feliz', 'mi contraseña: [redacted]'],
    ['fr', 'mon mot de passe est Soleil42.', 'mon mot de passe est [redacted].'],
    ['de', 'Passwort: Geheim#7', 'Passwort: [redacted]'],
    ['pt', 'a senha é abc12345', 'a senha é [redacted]'],
    ['zh', '我的密码是ｈｕｎｔｅｒ２，谢谢', '我的密码是[redacted]，谢谢'],
    ['ja', 'パスワードはHunter2!です', 'パスワードは[redacted]です'],
    ['en, a PIN', 'card PIN 4821, spinning wheel', 'card PIN [redacted], spinning wheel'],
  ])('masks a password written in %s', (_language, text, expected) => {
    expect(maskSensitive(text)).toBe(expected);
  });

  it.each([
    'Reset the password from the sign-in page',
    'The password is reset by IT every 90 days',
    'Restablece la contraseña en la página de acceso',
    'Cliquez sur « Mot de passe oublié »',
    '在登录页面重置密码',
    'パスワードをリセットしてください',
  ])('does not mask a password merely mentioned: %s', (text) => {
    expect(maskSensitive(text)).toBe(text);
  });

  it.each([
    ['a keyword', 'api key: abcd1234efgh5678', 'api key: [redacted]'],
    ['a Stripe key', 'uses sk_live_4eC39HqLyjWDarjtT1zdp7dc', 'uses [redacted]'],
    ['an OpenAI key', 'key sk-proj-abcdefghijklmnopqrstuvwx', 'key [redacted]'],
    ['an AWS key', 'AKIAIOSFODNN7EXAMPLE in the log', '[redacted] in the log'],
    ['a bearer token', 'Authorization: Bearer abcdefghijklmnop1234', 'Authorization: Bearer [redacted]'],
    ['a JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', '[redacted]'],
    ['a token in Japanese', 'トークンはabcDEF123456です', 'トークンは[redacted]です'],
    ['an IBAN', 'IBAN DE89 3704 0044 0532 0130 00 please', 'IBAN [IBAN ••••3000] please'],
  ])('masks a secret: %s', (_case, text, expected) => {
    expect(maskSensitive(text)).toBe(expected);
  });

  it.each([
    ['a password', 'contraseña: Gato-feliz9, lucia@example.es).'],
    ['a bare password', 'password Hunter2!) thanks'],
    ['an API key', 'api key: abcd1234efgh5678.'],
  ])('masks text masked before to the same text: %s', (_case, text) => {
    const once = maskSensitive(text);
    expect(maskSensitive(once)).toBe(once);
  });

  it("keeps a source reference after a keyword: a reply's article on resetting a password", () => {
    const text = 'Más información: No puedo iniciar sesión – cómo restablecer la contraseña [kb/account_access/reset-password.md]';
    expect(maskSensitive(text)).toBe(text);
  });

  it('keeps null and empty text as they are', () => {
    expect(maskSensitive(null)).toBeNull();
    expect(maskSensitive('')).toBe('');
  });
});

describe('maskSensitiveValues', () => {
  it('masks every string in nested JSON and keeps the rest', () => {
    const at = new Date(0);
    expect(maskSensitiveValues({ subject: `card ${VISA}`, tags: ['cvv 123'], version: 3, at, none: null })).toEqual({
      subject: 'card [card ••••1111]',
      tags: ['cvv •••'],
      version: 3,
      at,
      none: null,
    });
  });
});
