import type { Pool } from 'pg';

const POLL_MS = 200;

export interface TriageProgress {
  triaged: number;
  /** When the last ticket was triaged (epoch ms), from tickets.triaged_at. */
  lastTriagedAt?: number;
  timedOut: boolean;
}

/**
 * Waits until `expected` tickets have triaged_at set (the escalation stage, last in the flow, sets it),
 * or the timeout passes. Reads Postgres only, so it needs no API access.
 */
export async function waitForTriaged(db: Pool, expected: number, timeoutMs: number, onProgress?: (triaged: number) => void): Promise<TriageProgress> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.query<{ triaged: number; last: number | null }>(
      `SELECT count(*)::int AS triaged, (extract(epoch FROM max(triaged_at)) * 1000)::float8 AS last FROM tickets WHERE triaged_at IS NOT NULL`,
    );
    const { triaged, last } = rows[0];
    onProgress?.(triaged);
    const timedOut = Date.now() > deadline;
    if (triaged >= expected || timedOut) return { triaged, lastTriagedAt: last ?? undefined, timedOut: triaged < expected };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Waits until the gateway's outbox relay has published every row (nothing left for Redis). */
export async function waitForOutboxDrained(db: Pool, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.query<{ pending: number }>(`SELECT count(*)::int AS pending FROM outbox_messages WHERE published_at IS NULL`);
    if (rows[0].pending === 0) return;
    if (Date.now() > deadline) throw new Error(`${rows[0].pending} outbox rows still unpublished after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
