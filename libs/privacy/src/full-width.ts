/**
 * Full-width ASCII (０-９, Ａ-Ｚ, ：, －, the ideographic space…) folded to ASCII one character for one, so
 * patterns written for ASCII match zh/ja text and every index found in the folded text is valid in the original.
 * NFKC would fold more, but it changes lengths.
 */
export function foldFullWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (char) => (char === '\u3000' ? ' ' : String.fromCharCode(char.charCodeAt(0) - 0xfee0)));
}
