/**
 * Native letters of languages whose orthography is well defined: for Latin-script languages the letters
 * beyond a–z, for Cyrillic ones the whole alphabet. A short text's letters rule out look-alike languages
 * fastText confuses: "žadintuvą" is not Polish (no ž, ė, ų), "оятқышты" is not Russian (no қ).
 * Languages missing here are never penalised.
 */
const RUSSIAN = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';
const SERBIAN_CYRILLIC = 'абвгдђежзијклљмнњопрстћуфхцчџш';

const NATIVE_LETTERS: Record<string, string> = {
  en: '',
  de: 'äöüß',
  fr: 'àâæçéèêëîïôœùûüÿ',
  es: 'áéíñóúü',
  pt: 'áâãàçéêíóôõúü',
  it: 'àèéìíîòóùú',
  nl: 'áéèëïóöüêîô',
  da: 'æøåé',
  no: 'æøåéèêóòô',
  nn: 'æøåéèêóòô',
  sv: 'åäöé',
  fi: 'äöåšž',
  et: 'äöõüšž',
  is: 'áðéíóúýþæö',
  pl: 'ąćęłńóśźż',
  cs: 'áčďéěíňóřšťúůýž',
  sk: 'áäčďéíĺľňóôŕšťúýž',
  sl: 'čšž',
  hr: 'čćđšž',
  bs: 'čćđšž',
  sr: `čćđšž${SERBIAN_CYRILLIC}`,
  hu: 'áéíóöőúüű',
  ro: 'ăâîșşțţ',
  tr: 'çğıöşüâîû',
  az: 'çəğıöşü',
  lt: 'ąčęėįšųūž',
  lv: 'āčēģīķļņšūž',
  sq: 'çë',
  ca: 'àçéèíïòóúü',
  gl: 'áéíñóúü',
  eu: 'ñ',
  eo: 'ĉĝĥĵŝŭ',
  id: 'é',
  ms: 'é',
  tl: 'ñ',
  sw: '',
  ru: RUSSIAN,
  uk: 'абвгґдеєжзиіїйклмнопрстуфхцчшщьюя',
  be: 'абвгдеёжзійклмнопрстуўфхцчшыьэюя',
  bg: 'абвгдежзийклмнопрстуфхцчшщъьюя',
  mk: 'абвгдѓежзѕијклљмнњопрстќуфхцчџш',
  kk: `${RUSSIAN}әғқңөұүһі`,
  ky: `${RUSSIAN}ңөү`,
  tt: `${RUSSIAN}әөүҗңһ`,
  ba: `${RUSSIAN}ғҙҡңөҫүһә`,
  mn: `${RUSSIAN}өү`,
  tg: 'абвгғдеёжзиӣйкқлмнопрстуӯфхҳчҷшъэюя',
};

const ALPHABETS = new Map(Object.entries(NATIVE_LETTERS).map(([code, letters]) => [code, new Set(letters)]));
// Letters any Latin-script language borrows (names, brands, English terms), and scripts this table does not judge.
const NEUTRAL_LETTER = /[a-z]|[^\p{Script=Latin}\p{Script=Cyrillic}]/u;

/** The distinct lower-case letters that could tell languages apart, from a text's letters. */
export function distinctiveLetters(letters: string): string[] {
  return [...new Set(letters.toLowerCase())].filter((letter) => !NEUTRAL_LETTER.test(letter));
}

/** How many of `letters` the language does not write; 0 for languages whose alphabet is not listed. */
export function foreignLetterCount(code: string, letters: string[]): number {
  const alphabet = ALPHABETS.get(code);
  return alphabet ? letters.filter((letter) => !alphabet.has(letter)).length : 0;
}
