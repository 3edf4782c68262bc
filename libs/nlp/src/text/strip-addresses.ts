// URLs, e-mail addresses and @handles say nothing about a text's language or mood, yet a lexicon or
// fastText reads their parts as words ("@united" as praise, "support@shop.de" as German).
const ADDRESS = /\b(?:https?:\/\/|www\.)\S+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|(?<![\p{L}\p{N}])@\w+/giu;

/** The text with URLs, e-mail addresses and @mentions replaced by a space. */
export function stripAddresses(text: string): string {
  return text.replace(ADDRESS, ' ');
}
