/** Complete tags and comments: `<b>`, `</a>`, `<img src=x onerror=…>`, `<!-- … -->`. */
const TAG = /<!--[\s\S]*?-->|<\/?[A-Za-z][^<>]*>/g;
/** What is left that a browser could still read as the start of a tag. */
const TAG_OPENER = /<(?=[A-Za-z/!?])/g;

/**
 * Text that no renderer can read as markup: tags removed (their text content stays) and any leftover tag opener
 * turned into a look-alike. Customer text is stored as written; machine-written replies quote it only this way.
 */
export function plainText(text: string): string {
  return text.replace(TAG, '').replace(TAG_OPENER, '‹');
}
