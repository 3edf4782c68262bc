import { invalidFields } from '../common/invalid-fields';
import type { SORTABLE } from './dto/list-tickets.query';

type Sort = (typeof SORTABLE)[number];

interface SortKey {
  /** The ORDER BY expression: NOT NULL, and exactly as migration 1765310000000 indexes it with the number. */
  expression: string;
  /** The row's key as a whole number for the cursor (a timestamp in microseconds: a JS Date would drop them). */
  toCursor: string;
  /** The cursor's number back as the expression's type. */
  fromCursor: string;
}

const timestamp = (column: string): SortKey => ({
  expression: column,
  toCursor: `(EXTRACT(EPOCH FROM ${column}) * 1000000)::bigint`,
  fromCursor: `to_timestamp(0) + CAST(:cursorKey AS bigint) * interval '1 microsecond'`,
});

/**
 * Each sort as an expression with the ticket number as tie-breaker, both in the order's direction, so that any
 * page, however deep, is one index range scan from where the last one ended. Sorting by number needs no key.
 * Priority sorts by severity, not alphabetically.
 */
export const SORT_KEY: Record<Sort, SortKey | null> = {
  createdAt: timestamp('t.created_at'),
  updatedAt: timestamp('t.updated_at'),
  number: null,
  priority: (() => {
    const rank = `COALESCE(array_position(ARRAY['low','normal','high','urgent']::varchar[], t.priority), 0)`;
    return { expression: rank, toCursor: rank, fromCursor: 'CAST(:cursorKey AS int)' };
  })(),
};

/** Where a page ended: its sort, the last row's key (null when sorting by number) and its number. */
export interface TicketListCursor {
  sort: Sort;
  key: number | null;
  number: number;
}

/** Opaque to clients: base64url of a small JSON array. */
export function encodeCursor(cursor: TicketListCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.key, cursor.number])).toString('base64url');
}

/** A cursor this list gave out for the same sort, or a 400 naming `after`. */
export function decodeCursor(text: string, sort: Sort): TicketListCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const problem = (message: string) => invalidFields([{ field: 'after', problems: [message] }]);
  if (!Array.isArray(parsed) || parsed.length !== 3) throw problem('after must be a nextCursor returned by this list');
  const [cursorSort, key, number] = parsed as unknown[];
  if (cursorSort !== sort) throw problem(`after is a cursor of the sort ${JSON.stringify(cursorSort)}, not ${sort}: start again from the first page`);
  const keyValid = SORT_KEY[sort] === null ? key === null : Number.isSafeInteger(key);
  if (!keyValid || !Number.isSafeInteger(number)) throw problem('after must be a nextCursor returned by this list');
  return { sort, key: key as number | null, number: number as number };
}
