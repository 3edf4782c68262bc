const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const DIACRITICS = /\p{M}+/gu;

/** Lower-cases and strips accents, so "contraseña" and "contrasena" (typed without accents) meet. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(DIACRITICS, '').replace(/’/g, "'").toLowerCase();
}

/**
 * Word tokens of folded text. Scripts written without spaces (Chinese, Japanese) become
 * overlapping character bigrams, the usual cheap stand-in for word segmentation.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const match of foldText(text).matchAll(WORD)) {
    const word = match[0];
    if (CJK.test(word)) {
      const chars = [...word];
      if (chars.length === 1) tokens.push(word);
      for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i] + chars[i + 1]);
    } else {
      tokens.push(word);
    }
  }
  return tokens;
}
