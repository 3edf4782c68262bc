import { stripAddresses } from '../text/strip-addresses';

const CAMEL_HASHTAG = /#(\p{Lu}?\p{Ll}+(?:\p{Lu}\p{Ll}*)+)/gu;
const WORD_JOIN = /(?<=\p{Ll})(?=\p{Lu})/gu;
// Western sentence ends need a space after them ("version 5.2.1" is one sentence); CJK ones do not.
const SENTENCE_BREAK = /(?<=[.!?…])\s+|(?<=[。！？])|\n+/u;

/**
 * The text as sentiment rules read it: NFC, straight apostrophes, no URLs, e-mail addresses or @handles
 * (a handle such as "@united" is not praise), and camel-case hashtags split into words ("#NeverAgain").
 */
export function normalizeForSentiment(text: string): string {
  return stripAddresses(text.normalize('NFC').replace(/[’‘`]/g, "'"))
    .replace(CAMEL_HASHTAG, (_, tag: string) => tag.replace(WORD_JOIN, ' '))
    .replace(/[^\S\n]+/g, ' ');
}

/** Sentences (and subject/body lines): negation, contrast and sarcasm do not reach across them. */
export function splitSentences(text: string): string[] {
  return text
    .split(SENTENCE_BREAK)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}
