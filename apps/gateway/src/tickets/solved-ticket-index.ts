import { isSolved, TicketEntity } from '@smartdesk/database';

/** The columns the solved-tickets index is built from (subject and description never change after intake). */
const INDEXED_COLUMNS = ['status', 'resolution', 'category'] as const;

/**
 * Whether a change must reach the solved-tickets index: the ticket becomes solved, stops being solved
 * (reopened), or a solved ticket's resolution or category is edited.
 */
export function affectsSolvedIndex(before: TicketEntity, patch: Partial<TicketEntity>): boolean {
  const changed = INDEXED_COLUMNS.some((column) => column in patch && patch[column] !== before[column]);
  return changed && (isSolved(before) || isSolved({ ...before, ...patch }));
}
