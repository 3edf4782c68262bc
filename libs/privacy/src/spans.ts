/** A piece of text found by a detector, with what replaces it. */
export interface Span {
  start: number;
  end: number;
  replacement: string;
}

/**
 * `text` with the spans replaced. Where spans overlap, the one that starts first (then the longest) wins:
 * an IBAN is not also read as a card number inside it.
 */
export function replaceSpans(text: string, spans: Span[]): string {
  const ordered = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (const span of ordered) {
    if (span.start < at) continue;
    out += text.slice(at, span.start) + span.replacement;
    at = span.end;
  }
  return out + text.slice(at);
}

/** Spans for each match of a global regex; `replace` returns null to keep a match, or the span to cut inside it. */
export function matchSpans(text: string, pattern: RegExp, replace: (match: RegExpExecArray) => { start: number; end: number; replacement: string } | null): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(pattern)) {
    const span = replace(match as RegExpExecArray);
    if (span) spans.push(span);
  }
  return spans;
}
