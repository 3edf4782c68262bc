import { pivotTokens, STOPWORDS } from '@smartdesk/nlp';

const GRAM = 4;

/**
 * The terms BM25 matches on: content words, pairs of adjacent content words, and the character
 * 4-grams of each content word (with word-boundary padding), which match inflections, compounds
 * and typos ("refunded" ~ "refund", "pasword" ~ "password") in any language.
 */
export function lexicalTerms(text: string): string[] {
  const tokens = pivotTokens(text);
  const terms: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (STOPWORDS.has(token)) continue;
    terms.push(`w:${token}`);
    const next = tokens[i + 1];
    if (next !== undefined && !STOPWORDS.has(next)) terms.push(`b:${token} ${next}`);
    const padded = ` ${token} `;
    for (let start = 0; start + GRAM <= padded.length; start++) terms.push(`c:${padded.slice(start, start + GRAM)}`);
  }
  return terms;
}
