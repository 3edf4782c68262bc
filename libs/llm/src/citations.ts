/** A citation group as models write them: [1], [2, 3]. */
const CITATION = /\s?\[(\d+(?:\s*,\s*\d+)*)\]/g;

export interface CheckedCitations {
  /** The text with citations of sources that do not exist taken out. */
  text: string;
  /** The existing sources it cites (1-based), in order of first use. */
  cited: number[];
  /** Citations that named no source. */
  dropped: number[];
}

/** Keeps only citations of sources 1..sourceCount; a model that cites a source it was not given is not trusted for it. */
export function checkCitations(text: string, sourceCount: number): CheckedCitations {
  const cited = new Set<number>();
  const dropped: number[] = [];
  const cleaned = text.replace(CITATION, (match, group: string) => {
    const numbers = group.split(',').map((n) => Number(n.trim()));
    const valid = numbers.filter((n) => n >= 1 && n <= sourceCount);
    dropped.push(...numbers.filter((n) => !valid.includes(n)));
    valid.forEach((n) => cited.add(n));
    return valid.length === 0 ? '' : `${match.startsWith(' ') ? ' ' : ''}[${valid.join(', ')}]`;
  });
  return { text: cleaned.trim(), cited: [...cited], dropped };
}
