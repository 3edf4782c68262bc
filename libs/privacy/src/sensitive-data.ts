import { passesIbanCheck, passesLuhn } from './checksums';
import { foldFullWidth } from './full-width';
import { matchSpans, replaceSpans, Span } from './spans';

/** Payment and credential data: never needed to solve a ticket, harmful in anyone else's hands. */
export type SensitiveKind = 'card' | 'cvv' | 'password' | 'secret' | 'iban';

/** How each kind is written in its place: in views a card keeps its last four digits, so staff can still tell cards apart. */
export interface SensitivePlaceholders {
  card: (lastFour: string) => string;
  iban: (lastFour: string) => string;
  cvv: string;
  password: string;
  secret: string;
}

export const VIEW_PLACEHOLDERS: SensitivePlaceholders = {
  card: (lastFour) => `[card ••••${lastFour}]`,
  iban: (lastFour) => `[IBAN ••••${lastFour}]`,
  cvv: '•••',
  password: '[redacted]',
  secret: '[redacted]',
};

/** Runs of digits with single spaces or dashes between them: a card number as people write it. */
const DIGIT_RUN = /(?<!\d)\d(?:[ -]?\d)*(?!\d)/g;
/** Issuer prefixes in use (2 Mastercard, 3 Amex/Diners/JCB, 4 Visa, 5 Mastercard, 6 Discover/UnionPay): fewer order numbers read as cards. */
const CARD_PREFIX = /^[2-6]/;

const IBAN = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![A-Za-z0-9])/g;

/** The card's security code, named in each of the seven languages, then its 3-4 digits within a few characters. */
const CVV_WORDS = [
  'cvv2?',
  'cvc2?',
  'cvn',
  'csc',
  'card verification(?: code| value)?',
  'security code',
  'c[oó]digo de seguridad',
  'c[oó]digo de seguran[cç]a',
  'c[oó]digo cvv',
  'code de s[ée]curit[ée]',
  'cryptogramme(?: visuel)?',
  '(?:karten)?pr[üu]fnummer',
  'pr[üu]fziffer',
  'sicherheitscode',
  '安全码',
  '安全碼',
  '验证码',
  '驗證碼',
  'セキュリティー?コード',
];
const CVV = new RegExp(`(?<![A-Za-z\\u00C0-\\u024F])(?:${CVV_WORDS.join('|')})[^\\d\\n]{0,24}?(\\d{3,4})(?!\\d)`, 'giu');

const PASSWORD_WORDS = [
  'passwords?',
  'passwd',
  'passcode',
  'pwd',
  'pin(?: code)?',
  'pin-code',
  'código pin',
  'code pin',
  'pin码',
  'contraseñas?',
  'contrasena',
  'clave',
  'mot de passe',
  'mdp',
  'passwort',
  'kennwort',
  'senha',
  'palavra-passe',
  '密码',
  '密碼',
  '口令',
  'パスワード',
  '暗証番号',
];
const SECRET_WORDS = [
  'api[ _-]?key',
  'api[ _-]?token',
  'access[ _-]?token',
  'secret(?:[ _-]?key)?',
  'token',
  'clave de (?:la )?api',
  "cl[ée] (?:d'|de l')?api",
  'api-schl[üu]ssel',
  'chave (?:de |da )?api',
  '密钥',
  '令牌',
  'api ?キー',
  'トークン',
  'シークレット',
];
/**
 * A keyword, then how people introduce the value ("password: x", "contraseña es x", "パスワードはx"), then the
 * value: a run of Latin characters (it ends at CJK text, spaces and closing punctuation).
 */
const COPULA = '(?:is|was|es|era|est|était|ist|lautet|war|é)';
const keywordValue = (words: string[]) =>
  new RegExp(`(?<![A-Za-z\\u00C0-\\u024F])(?:${words.join('|')})(?:(\\s*[:=]\\s*)|\\s+${COPULA}\\s+|\\s*(?:は|是|为|為)\\s*|\\s+)["'“«「『]?([\\x21-\\x7E\\u00C0-\\u024F]+)`, 'giu');
const PASSWORD = keywordValue(PASSWORD_WORDS);
const SECRET_BY_NAME = keywordValue(SECRET_WORDS);
/** "[redacted]", "[kb/account/reset.md]": a whole token in square brackets. */
const BRACKETED = /^\[[^\]\s]+\]/;
/** Closing punctuation glued to a value ("password Hunter2!)."): kept as text, not masked. */
const TRAILING_PUNCTUATION = /[.,;)\]}'"”»」』]+$/;

/** Well-known credential formats, found without a keyword (Stripe, OpenAI, GitHub, AWS, Slack, Google keys; JWTs; bearer tokens). */
const SECRET_FORMAT = new RegExp(
  [
    '\\b(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{10,}',
    '\\bsk-(?:proj-)?[A-Za-z0-9_-]{20,}',
    '\\bgh[pousr]_[A-Za-z0-9]{30,}',
    '\\bgithub_pat_[A-Za-z0-9_]{20,}',
    '\\bAKIA[0-9A-Z]{16}\\b',
    '\\bxox[abprs]-[A-Za-z0-9-]{10,}',
    '\\bAIza[0-9A-Za-z_-]{35}',
    '\\beyJ[\\w-]{10,}\\.[\\w-]{10,}\\.[\\w-]{10,}',
    '(?<=\\bBearer\\s+)[\\w.~+/-]{16,}=*',
  ].join('|'),
  'g',
);

/** Card numbers inside one digit run: 13-19 digits starting and ending on group boundaries that pass Luhn (a CVV may follow the number). */
function cardSpans(text: string, placeholders: SensitivePlaceholders): Span[] {
  return matchSpans(text, DIGIT_RUN, (match) => {
    const groups = [...match[0].matchAll(/\d+/g)].map((group) => ({ start: match.index + group.index!, digits: group[0] }));
    for (let first = 0; first < groups.length; first++) {
      for (let last = groups.length - 1; last >= first; last--) {
        const digits = groups
          .slice(first, last + 1)
          .map((group) => group.digits)
          .join('');
        if (digits.length < 13 || digits.length > 19 || !CARD_PREFIX.test(digits) || !passesLuhn(digits)) continue;
        const end = groups[last].start + groups[last].digits.length;
        return { start: groups[first].start, end, replacement: placeholders.card(digits.slice(-4)) };
      }
    }
    return null;
  });
}

function keywordValueSpans(text: string, pattern: RegExp, replacement: string): Span[] {
  return matchSpans(text, pattern, (match) => {
    const [whole, colon, raw] = match;
    // A bracketed token is a placeholder or a reference, not a value: text masked before ("password [redacted]")
    // must not change when masked again, and a reply's "reset your password [kb/account/reset.md]" keeps its source.
    if (BRACKETED.test(raw)) return null;
    const value = raw.replace(TRAILING_PUNCTUATION, '');
    // Without a colon, only what looks like a secret is one: "password: reset" masks, "the password is reset" does not.
    if (value.length === 0 || (!colon && !looksLikeSecret(value))) return null;
    const start = match.index + whole.length - raw.length;
    return { start, end: start + value.length, replacement };
  });
}

/** A digit, a symbol, or capitals after the first letter: "Hunter2!", "s3cret", "xKq9", not "reset" or "Summer". */
function looksLikeSecret(value: string): boolean {
  return /\d/.test(value) || /[^\p{L}\p{N}]/u.test(value) || /^.+\p{Lu}/u.test(value);
}

/** Where payment and credential data sits in `text` (full-width digits and letters included), with its replacement. */
export function sensitiveSpans(text: string, placeholders: SensitivePlaceholders = VIEW_PLACEHOLDERS): Span[] {
  const folded = foldFullWidth(text);
  return [
    ...matchSpans(folded, IBAN, (match) => {
      const compact = match[0].replace(/ /g, '');
      if (compact.length < 15 || compact.length > 34 || !passesIbanCheck(compact)) return null;
      return { start: match.index, end: match.index + match[0].length, replacement: placeholders.iban(compact.slice(-4)) };
    }),
    ...cardSpans(folded, placeholders),
    ...matchSpans(folded, CVV, (match) => {
      const end = match.index + match[0].length;
      return { start: end - match[1].length, end, replacement: placeholders.cvv };
    }),
    ...keywordValueSpans(folded, PASSWORD, placeholders.password),
    ...keywordValueSpans(folded, SECRET_BY_NAME, placeholders.secret),
    ...matchSpans(folded, SECRET_FORMAT, (match) => ({ start: match.index, end: match.index + match[0].length, replacement: placeholders.secret })),
  ];
}

/**
 * `text` with card numbers (Luhn-checked; last four kept), CVVs, passwords, API keys and tokens and IBANs masked:
 * the form every view, log, prompt, embedding and reply gets by default.
 */
export function maskSensitive(text: string): string;
export function maskSensitive(text: string | null): string | null;
export function maskSensitive(text: string | null): string | null {
  if (!text) return text;
  return replaceSpans(text, sensitiveSpans(text));
}

/** Whether `text` holds anything `maskSensitive` would mask. */
export function hasSensitive(text: string | null | undefined): boolean {
  return !!text && sensitiveSpans(text).length > 0;
}

/** Every string inside a JSON value masked (an audit entry's before and after, a stored event's data). */
export function maskSensitiveValues<T>(value: T): T {
  if (typeof value === 'string') return maskSensitive(value) as T;
  if (Array.isArray(value)) return value.map(maskSensitiveValues) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, maskSensitiveValues(inner)])) as T;
  }
  return value;
}
