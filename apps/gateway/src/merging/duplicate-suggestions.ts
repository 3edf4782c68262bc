/** How far apart two tickets of one customer may be and still be suggested as duplicates. */
export const DUPLICATE_WINDOW_MS = 7 * 24 * 3600 * 1000;
/** Below this word overlap two texts are about different things. */
const MIN_OVERLAP = 0.25;

export interface DuplicateCandidate {
  id: string;
  subject: string;
  description: string;
  createdAt: Date;
}

/** The words of a text that carry meaning: letters or digits, three or more (any script), lower-cased. */
function words(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []).filter(Boolean));
}

/**
 * How likely a ticket of the same customer is a duplicate of another: the overlap (Jaccard) of their words,
 * weighed a little by how close in time they came. Null below the overlap that makes a suggestion.
 */
export function duplicateConfidence(ticket: DuplicateCandidate, other: DuplicateCandidate): number | null {
  const a = words(`${ticket.subject} ${ticket.description}`);
  const b = words(`${other.subject} ${other.description}`);
  if (a.size === 0 || b.size === 0) return null;
  const shared = [...a].filter((word) => b.has(word)).length;
  const overlap = shared / (a.size + b.size - shared);
  if (overlap < MIN_OVERLAP) return null;
  const closeness = Math.max(0, 1 - Math.abs(ticket.createdAt.getTime() - other.createdAt.getTime()) / DUPLICATE_WINDOW_MS);
  return Math.round(Math.min(1, overlap * 0.8 + closeness * 0.2) * 100) / 100;
}
