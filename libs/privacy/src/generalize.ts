import { foldFullWidth } from './full-width';
import { sensitiveSpans, SensitivePlaceholders } from './sensitive-data';
import { matchSpans, replaceSpans, Span } from './spans';

/** What is known for certain about the people a ticket belongs to (from its row). */
export interface KnownPeople {
  names?: (string | null | undefined)[];
  emails?: (string | null | undefined)[];
}

/** Neutral placeholders, the same in every language, for what a generalized solution leaves out. */
export const PLACEHOLDER = { name: '[name]', email: '[email]', phone: '[phone]', number: '[number]' } as const;

/** In a solution reused for someone else, nothing of the card is left, not even its last digits. */
const GENERALIZED: SensitivePlaceholders = { card: () => '[card]', iban: () => '[IBAN]', cvv: '•••', password: '[redacted]', secret: '[redacted]' };

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** Digit groups as phone numbers are written: "+34 612 345 678", "(555) 123-4567", "090-1234-5678", "06 12 34 56 78". */
const PHONE = /(?<![A-Za-z0-9\u00C0-\u024F.])(?:(?:\+|00)\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{2,5}(?:[ .-]\d{2,5}){1,4}(?![A-Za-z0-9\u00C0-\u024F])/gu;
const DATE = /^\d{4}-\d{1,2}-\d{1,2}$|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/;
/** Latin letters and digits bound a number; CJK text does not ("电话13800138000").
 * Long digit runs, also in groups of four (orders, accounts, tracking and card-like numbers that fail Luhn) and prefixed ids ("ORD-2024-55812", "A1234567"). */
const REFERENCE = /(?<![A-Za-z0-9\u00C0-\u024F])(?:\d{4}(?:[ -]\d{4}){2,4}|\d{6,}|[A-Z]{1,5}[-#]?\d[\d-]{3,}\d)(?![A-Za-z0-9\u00C0-\u024F])/gu;
/** An order or account named as such, in the seven languages, then its number (3 digits or more). */
const REFERENCE_WORDS = [
  'order',
  'account',
  'invoice',
  'customer',
  'booking',
  'reference',
  'ref',
  'tracking',
  'pedido',
  'cuenta',
  'factura',
  'referencia',
  'commande',
  'compte',
  'facture',
  'référence',
  'bestellung',
  'bestellnummer',
  'konto',
  'kontonummer',
  'rechnung',
  'kundennummer',
  'encomenda',
  'conta',
  'fatura',
  'referência',
  '订单',
  '账户',
  '帐户',
  '账号',
  '发票',
  '注文',
  'アカウント',
  '請求書',
  '口座',
];
const NUMBER_WORDS = '(?:number|no|nr|n[º°o]|num|número|numéro|nummer|番号|号|編號|编号)\\.?';
const NAMED_REFERENCE = new RegExp(
  `(?<![A-Za-z\\u00C0-\\u024F])(?:${REFERENCE_WORDS.join('|')})[^\\p{L}\\p{N}\\n]{0,4}(?:${NUMBER_WORDS}[^\\p{L}\\p{N}\\n]{0,4})?([A-Z0-9][A-Z0-9-]*\\d{3,}[A-Z0-9-]*)`,
  'giu',
);

/** Words after which a capitalized name follows: greetings, honorifics, "refunded to Jamie Doe", "titular Ana Ruiz". */
const NAME_CUES = [
  'hi',
  'hello',
  'dear',
  'hola',
  'estimado',
  'estimada',
  'bonjour',
  'cher',
  'chère',
  'hallo',
  'liebe',
  'lieber',
  'olá',
  'caro',
  'cara',
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'sr',
  'sra',
  'srta',
  'don',
  'doña',
  'm',
  'mme',
  'mlle',
  'herr',
  'frau',
  'customer',
  'client',
  'cardholder',
  'cliente',
  'titular',
  'kunde',
  'kundin',
  'karteninhaber',
  'titulaire',
];
const TWO_WORD_NAME_CUES = ['to', 'for', 'from', 'a', 'para', 'pour', 'an', 'für', 'von'];
const NAME = "\\p{Lu}[\\p{Ll}'’-]+";
const cueless = (words: string[]) => words.map((word) => `[${word[0]}${word[0].toUpperCase()}]${word.slice(1)}`).join('|');
const CUED_NAME = new RegExp(`(?<![\\p{L}])(?:${cueless(NAME_CUES)})\\.?\\s+(${NAME}(?:\\s+${NAME})?)`, 'gu');
const CUED_FULL_NAME = new RegExp(`(?<![\\p{L}])(?:${cueless(TWO_WORD_NAME_CUES)})\\s+(${NAME}\\s+${NAME})`, 'gu');
/** A name before a zh/ja honorific ("张伟先生", "山田様"); not お客様 or 皆様. */
const HONORIFIC_NAME = /(?<![\p{Script=Hiragana}])(?!客|皆|各)[\p{Script=Han}\p{Script=Katakana}ー]{1,6}(?=先生|女士|小姐|様|さま|さん|殿)/gu;
/** A closing line after which the next short line is a signature. */
const CLOSING =
  /^\s*(?:(?:best |kind |warm )?regards|thanks|thank you|cheers|saludos|un saludo|atentamente|gracias|cordialement|bien à vous|merci|(?:viele |beste |mit freundlichen )?grüße|danke|atenciosamente|cumprimentos|abraços|obrigad[oa]|此致|敬礼|谢谢|よろしくお願いします|よろしくお願いいたします|以上)[\s,.!、。]*$/iu;
const SIGNATURE_DASH = /^\s*(?:--|—|–)\s*(.+)$/u;

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function wholeMatches(text: string, needle: string, replacement: string): Span[] {
  const latin = /^[\p{Script=Latin}\s'’.-]+$/u.test(needle);
  // Latin names match whole words only ("Ana" not in "Banana"); CJK names have no spaces around them.
  const pattern = new RegExp(latin ? `(?<![\\p{L}])${escapeRegex(needle)}(?![\\p{L}])` : escapeRegex(needle), 'giu');
  return matchSpans(text, pattern, (match) => ({ start: match.index, end: match.index + match[0].length, replacement }));
}

/** The customer's full name, then each part of it long enough to be a name on its own. */
function knownNameSpans(text: string, names: string[]): Span[] {
  const parts = names.flatMap((name) => [name, ...name.split(/\s+/).filter((part) => part.length >= 3 || /\P{Script=Latin}/u.test(part))]);
  return [...new Set(parts.map((part) => part.trim()).filter((part) => part.length >= 2))].flatMap((part) => wholeMatches(text, part, PLACEHOLDER.name));
}

function signatureSpans(text: string): Span[] {
  const spans: Span[] = [];
  const lines = text.split('\n');
  let offset = 0;
  lines.forEach((line, i) => {
    const dashed = SIGNATURE_DASH.exec(line);
    const afterClosing = i > 0 && CLOSING.test(lines[i - 1]) && line.trim().length > 0 && line.trim().split(/\s+/).length <= 4;
    if (dashed && dashed[1].split(/\s+/).length <= 4) spans.push({ start: offset + line.indexOf(dashed[1]), end: offset + line.length, replacement: PLACEHOLDER.name });
    else if (afterClosing) spans.push({ start: offset + line.indexOf(line.trim()), end: offset + line.trimEnd().length, replacement: PLACEHOLDER.name });
    offset += line.length + 1;
  });
  return spans;
}

const groupSpan = (match: RegExpExecArray, replacement: string): Span => {
  const start = match.index + match[0].length - match[1].length;
  return { start, end: start + match[1].length, replacement };
};

/**
 * A solved ticket's text made fit to show another customer: payment and credential data removed entirely, and the
 * people in it (the ticket's own customer, names after greetings, honorifics and "refunded to", signatures), their
 * emails, phone numbers, order and account numbers replaced by neutral placeholders. What remains is the solution.
 */
export function generalizeSolution(text: string, known: KnownPeople = {}): string {
  if (!text) return text;
  const folded = foldFullWidth(text);
  const names = (known.names ?? []).filter((name): name is string => !!name && name.trim().length > 0);
  const emails = (known.emails ?? []).filter((email): email is string => !!email && email.trim().length > 0);
  const spans: Span[] = [
    ...sensitiveSpans(text, GENERALIZED),
    ...emails.flatMap((email) => wholeMatches(folded, email, PLACEHOLDER.email)),
    ...matchSpans(folded, EMAIL, (match) => ({ start: match.index, end: match.index + match[0].length, replacement: PLACEHOLDER.email })),
    ...matchSpans(folded, NAMED_REFERENCE, (match) => groupSpan(match, PLACEHOLDER.number)),
    ...matchSpans(folded, REFERENCE, (match) => ({ start: match.index, end: match.index + match[0].length, replacement: PLACEHOLDER.number })),
    ...matchSpans(folded, PHONE, (match) => {
      const digits = match[0].replace(/\D/g, '').length;
      if (digits < 7 || digits > 15 || DATE.test(match[0])) return null;
      return { start: match.index, end: match.index + match[0].length, replacement: PLACEHOLDER.phone };
    }),
    ...knownNameSpans(folded, names),
    ...matchSpans(folded, CUED_NAME, (match) => groupSpan(match, PLACEHOLDER.name)),
    ...matchSpans(folded, CUED_FULL_NAME, (match) => groupSpan(match, PLACEHOLDER.name)),
    ...matchSpans(folded, HONORIFIC_NAME, (match) => ({ start: match.index, end: match.index + match[0].length, replacement: PLACEHOLDER.name })),
    ...signatureSpans(folded),
  ];
  return replaceSpans(text, spans);
}
