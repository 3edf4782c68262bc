import type { SuggestionUse, TicketEntity } from '@smartdesk/database';

type TicketSuggestionUse = TicketEntity['suggestionUse'];
const RANK: Record<NonNullable<TicketSuggestionUse>, number> = { ignored: 0, edited: 1, accepted: 2 };

/**
 * A ticket's suggestion use after one more public reply from staff: the most the replies made of a
 * suggested response (accepted unchanged > edited > ignored). A reply written from scratch while a
 * suggestion was offered counts as ignored, unless an earlier reply used one.
 */
export function nextSuggestionUse(current: TicketSuggestionUse, reply: SuggestionUse | null, offered: boolean): TicketSuggestionUse {
  const candidate: TicketSuggestionUse = reply ?? (offered ? 'ignored' : null);
  if (candidate === null) return current;
  return current === null || RANK[candidate] > RANK[current] ? candidate : current;
}
