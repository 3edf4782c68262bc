import { foldText, tokenize } from '../../text/tokenize';
import { FUNCTION_WORDS, LEXICON_LANGUAGES, PIVOT_LEXICON } from './pivot-lexicon';

/**
 * English glosses of a non-English text, so that models learned from English examples (the taxonomy's phrases,
 * a team's history, English kb articles, English word vectors) read tickets in other languages: "Paket nicht
 * angekommen" → "parcel package arrive arrived". A dictionary pivot rather than machine translation: offline,
 * microseconds per ticket, and it never writes text anyone reads (glosses only feed features).
 */
export interface EnglishPivot {
  /** The language whose words were glossed; `en` when the text reads as English (nothing glossed). */
  language: string;
  glosses: string[];
  /** The text's words the lexicon does not know (names, numbers, rare words), in order. */
  unknown: string[];
  /** Share of the text's words that were read (glossed, or English): how much a model could understand. */
  coverage: number;
}

type Language = (typeof LEXICON_LANGUAGES)[number];

interface Lexicon {
  /** Single folded words (Latin) per language → gloss words. */
  words: Map<Language, Map<string, string[]>>;
  /** Folded multi-word keys per language, by their first word. */
  phrases: Map<Language, Map<string, { tokens: string[]; gloss: string[] }[]>>;
  /** Folded Chinese and Japanese keys → gloss words (matched longest first inside runs of ideographs and kana). */
  cjk: Map<string, string[]>;
  /** The same keys per language, for the ideographs Chinese and Japanese share with different senses. */
  cjkByLanguage: { zh: Map<string, string[]>; ja: Map<string, string[]> };
  cjkLongest: number;
  /** Every Latin key → the languages that write it, to tell a text's language in one pass. */
  languagesOf: Map<string, string[]>;
  /** English words the lexicon glosses into: a key spelled like one says nothing about the language. */
  english: Set<string>;
}

const LATIN: Language[] = ['es', 'fr', 'de', 'pt', 'it', 'nl'];
/** Shorter keys match whole words only ("mes" is not "message"). */
const MIN_PREFIX = 4;
/** German and Dutch write compounds as one word: "Lieferadresse" is "liefer" + "adresse". */
const COMPOUNDING = new Set<string>(['de', 'nl']);
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+/gu;
const MIN_CJK = 2;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const ELISION = /^[\p{L}]{1,3}'(?=\p{L})/u;

let lexicon: Lexicon | undefined;

function loadLexicon(): Lexicon {
  const cjkByLanguage = { zh: new Map<string, string[]>(), ja: new Map<string, string[]>() };
  const loaded: Lexicon = { words: new Map(), phrases: new Map(), cjk: new Map(), cjkByLanguage, cjkLongest: 1, languagesOf: new Map(), english: new Set() };
  for (const language of LATIN) {
    loaded.words.set(language, new Map());
    loaded.phrases.set(language, new Map());
  }
  for (const line of PIVOT_LEXICON.split('\n')) {
    const columns = line.split('|').map((column) => column.trim());
    if (columns.length !== LEXICON_LANGUAGES.length + 1) {
      if (line.trim()) throw new Error(`pivot lexicon line has ${columns.length} columns: ${line}`);
      continue;
    }
    const gloss = columns[0].split(/\s+/);
    for (const word of gloss) loaded.english.add(word);
    LEXICON_LANGUAGES.forEach((language, i) => {
      for (const key of columns[i + 1].split(',').map((entry) => entry.trim())) {
        if (!key || key === '-') continue;
        if (language === 'zh' || language === 'ja') {
          cjkByLanguage[language].set(foldText(key).replace(/\s+/g, ''), gloss);
          continue;
        }
        const tokens = tokenize(key);
        if (tokens.length === 1) {
          addGloss(loaded.words.get(language)!, tokens[0], gloss);
          addGloss(loaded.languagesOf, tokens[0], [language]);
        } else if (tokens.length > 1) {
          const byFirst = loaded.phrases.get(language)!;
          byFirst.set(tokens[0], [...(byFirst.get(tokens[0]) ?? []), { tokens, gloss }]);
        }
      }
    });
  }
  // Shared ideographs: Japanese readings win over Chinese ones when the text has kana (see cjkGlosses).
  for (const [key, gloss] of [...cjkByLanguage.zh, ...cjkByLanguage.ja]) {
    loaded.cjk.set(key, gloss);
    loaded.cjkLongest = Math.max(loaded.cjkLongest, [...key].length);
  }
  return loaded;
}

function addGloss(words: Map<string, string[]>, key: string, gloss: string[]): void {
  const known = words.get(key);
  words.set(key, known ? [...new Set([...known, ...gloss])] : gloss);
}

/** The English glosses of the text's non-English words (none for English text). */
export function englishPivot(text: string): EnglishPivot {
  // Featurizing and scoring the same ticket both ask: one entry saves the second reading.
  if (last?.text !== text) last = { text, pivot: readInEnglish(text) };
  return last.pivot;
}

let last: { text: string; pivot: EnglishPivot } | undefined;

/**
 * How much of the text a model can read in English: all of an English text; of another, the share of its words
 * the lexicon glosses (at least half: a short text of unknown names is no less in scope). A score built on the
 * glosses can only reach this share of what the same text in English would score, so bars scale by it.
 */
export function readableShare(text: string): number {
  const { language, coverage } = englishPivot(text);
  return language === 'en' ? 1 : Math.max(0.5, coverage);
}

function readInEnglish(text: string): EnglishPivot {
  lexicon ??= loadLexicon();
  const folded = foldText(text);
  const cjk = [...folded.matchAll(CJK_RUN)].map((match) => match[0]);
  // Chinese and Japanese tickets quote Latin names and products ("Spotify上播放…"): a few ideographs decide.
  if ([...cjk.join('')].length >= MIN_CJK) {
    const japanese = KANA.test(folded);
    const read = cjk.map((run) => cjkGlosses(lexicon!, run, japanese));
    const characters = cjk.reduce((sum, run) => sum + [...run].length, 0);
    const coverage = read.reduce((sum, { matched }) => sum + matched, 0) / characters;
    return { language: japanese ? 'ja' : 'zh', glosses: read.flatMap(({ glosses }) => glosses), unknown: tokenize(folded.replace(CJK_RUN, ' ')), coverage };
  }
  const tokens = tokenize(text).map((token) => token.replace(ELISION, ''));
  const language = latinLanguage(lexicon, tokens, capitalisedNames(text));
  if (language === 'en') return { language, glosses: [], unknown: [], coverage: 1 };
  const { glosses, unknown, read } = latinGlosses(lexicon, tokens, language);
  return { language, glosses, unknown, coverage: read / Math.max(1, read + unknown.length) };
}

/**
 * The words a model reads: an English text's own; another language's English glosses and the words
 * the lexicon does not know (a foreign word's letters would only add noise to English n-grams).
 */
export function pivotTokens(text: string): string[] {
  const { language, glosses, unknown } = englishPivot(text);
  return language === 'en' || glosses.length === 0 ? tokenize(text) : [...glosses, ...unknown];
}

let functionWords: Map<string, Set<string>> | undefined;
const FUNCTION_WORD_SETS = () => (functionWords ??= new Map(Object.entries(FUNCTION_WORDS).map(([language, words]) => [language, new Set(tokenize(words))])));

/**
 * The Latin-script language with the most function words and lexicon words; English unless another clearly
 * leads. One pass over the words (every ticket goes through here, most of them English).
 */
function latinLanguage(lexicon: Lexicon, tokens: string[], names: Set<string>): Language | 'en' {
  const votes = new Map<string, number>();
  for (const token of tokens) {
    if (names.has(token)) continue;
    let voted = false;
    for (const [language, words] of FUNCTION_WORD_SETS()) {
      if (!words.has(token)) continue;
      votes.set(language, (votes.get(language) ?? 0) + 1);
      voted = true;
    }
    if (voted || englishLike(lexicon, token)) continue;
    for (const language of lookupWord(lexicon.languagesOf, token, false) ?? []) votes.set(language, (votes.get(language) ?? 0) + 1);
  }
  let best: Language | 'en' = 'en';
  for (const language of LATIN) if ((votes.get(language) ?? 0) > (votes.get(best) ?? 0)) best = language;
  return best;
}

/**
 * Capitalised words after a text's first word: mostly names ("spiele The Kleptones"), which have no language.
 * German capitalises every noun, but its nouns are in the lexicon and its function words are not capitalised.
 */
function capitalisedNames(text: string): Set<string> {
  const names = new Set<string>();
  const words = text.match(/\p{L}[\p{L}\p{M}'’]*/gu) ?? [];
  words.forEach((word, i) => {
    if (i > 0 && word[0] !== word[0].toLowerCase()) names.add(foldText(word));
  });
  return names;
}

/** A gloss word or an inflection of one ("alarms", "tracked"): spelled so, a word is no evidence of another language. */
function englishLike(lexicon: Lexicon, token: string): boolean {
  if (lexicon.english.has(token)) return true;
  for (let cut = 1; cut <= 3 && token.length - cut >= MIN_PREFIX; cut++) if (lexicon.english.has(token.slice(0, -cut))) return true;
  return false;
}

function latinGlosses(lexicon: Lexicon, tokens: string[], language: Language): { glosses: string[]; unknown: string[]; read: number } {
  // The detected language first; its neighbours' words too, since es/pt/it and de/nl are easily confused on a short text.
  const order = [language, ...LATIN.filter((other) => other !== language)];
  const glosses: string[] = [];
  const unknown: string[] = [];
  let read = 0;
  for (let i = 0; i < tokens.length; i++) {
    const phrase = matchPhrase(lexicon, tokens, i, order);
    if (phrase) {
      glosses.push(...phrase.gloss);
      read += phrase.tokens.length;
      i += phrase.tokens.length - 1;
      continue;
    }
    const gloss = order.map((candidate) => lookupWord(lexicon.words.get(candidate)!, tokens[i], COMPOUNDING.has(candidate))).find(Boolean);
    if (gloss) {
      glosses.push(...gloss);
      read++;
    } else if (!FUNCTION_WORD_SETS().get(language)!.has(tokens[i])) unknown.push(tokens[i]);
  }
  return { glosses, unknown, read };
}

function matchPhrase(lexicon: Lexicon, tokens: string[], start: number, order: Language[]) {
  for (const language of order) {
    const candidates = lexicon.phrases.get(language)!.get(tokens[start]) ?? [];
    const found = candidates
      .filter((phrase) =>
        phrase.tokens.every(
          (token, j) => tokens[start + j] !== undefined && (tokens[start + j] === token || (j === phrase.tokens.length - 1 && token.length >= MIN_PREFIX && tokens[start + j].startsWith(token))),
        ),
      )
      .sort((a, b) => b.tokens.length - a.tokens.length)[0];
    if (found) return found;
  }
  return undefined;
}

/** Exact word, else its longest known beginning of MIN_PREFIX letters or more (and, for compounds, what follows it). */
function lookupWord(words: Map<string, string[]>, token: string, compounds: boolean): string[] | undefined {
  const exact = words.get(token);
  if (exact) return exact;
  for (let length = token.length - 1; length >= MIN_PREFIX; length--) {
    const gloss = words.get(token.slice(0, length));
    if (!gloss) continue;
    const rest = token.slice(length);
    if (!compounds || rest.length < MIN_PREFIX) return gloss;
    // A linking "s" or "n" joins compound parts ("Bestellungsnummer").
    const tail = lookupWord(words, rest, true) ?? (/^[sn]/.test(rest) ? lookupWord(words, rest.slice(1), true) : undefined);
    return tail ? [...gloss, ...tail] : gloss;
  }
  return undefined;
}

/** Longest known key at each position of a run of ideographs and kana; the text's own language wins shared keys. */
function cjkGlosses(lexicon: Lexicon, run: string, japanese: boolean): { glosses: string[]; matched: number } {
  const preferred = lexicon.cjkByLanguage[japanese ? 'ja' : 'zh'];
  const chars = [...run];
  const glosses: string[] = [];
  let total = 0;
  for (let i = 0; i < chars.length; ) {
    let matched = 0;
    for (let length = Math.min(lexicon.cjkLongest, chars.length - i); length >= 1; length--) {
      const key = chars.slice(i, i + length).join('');
      const gloss = preferred.get(key) ?? lexicon.cjk.get(key);
      if (gloss) {
        glosses.push(...gloss);
        matched = length;
        break;
      }
    }
    i += matched || 1;
    total += matched;
  }
  return { glosses, matched: total };
}
