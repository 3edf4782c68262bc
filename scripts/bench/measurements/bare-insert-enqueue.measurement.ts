import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Pool } from 'pg';
import { ratePerSecond, summarize } from '../stats';
import { ticketPayloads } from '../synthetic-text';

/** The pool size the apps use (libs/database data-source-options), so both sides get the same connections. */
const POOL_SIZE = 10;

export interface BareInsertEnqueueResult {
  rowsPerSec: number;
  rows: number;
  latencyMs: ReturnType<typeof summarize>;
}

/**
 * Bare limit of intake: plain `pg` and `bullmq`, no Nest, no app code. Each operation inserts one
 * ticket-sized row into a copy of the tickets table (same columns, defaults and indexes) and adds one
 * job for it, with `inFlight` operations running at once for `durationS` seconds.
 */
export async function measureBareInsertEnqueue(databaseUrl: string, redisUrl: string, prefix: string, durationS: number, inFlight: number): Promise<BareInsertEnqueueResult> {
  const pool = new Pool({ connectionString: databaseUrl, max: POOL_SIZE });
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue('bare-intake', { prefix, connection: redis });
  const next = ticketPayloads(7);
  const latencies: number[] = [];
  try {
    await pool.query('CREATE TABLE bare_tickets (LIKE tickets INCLUDING ALL)');
    const started = performance.now();
    const deadline = started + durationS * 1000;
    const loop = async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        const ticket = next();
        const { rows } = await pool.query<{ id: string }>(
          'INSERT INTO bare_tickets (customer_name, customer_email, subject, description, channel, metadata) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
          [ticket.customerName, ticket.customerEmail, ticket.subject, ticket.description, ticket.channel, {}],
        );
        await queue.add('bare', { v: 1, ticketId: rows[0].id, revision: 1 }, { jobId: `${rows[0].id}.bare`, removeOnComplete: true });
        latencies.push(performance.now() - t0);
      }
    };
    await Promise.all(Array.from({ length: inFlight }, loop));
    return { rowsPerSec: ratePerSecond(latencies.length, performance.now() - started), rows: latencies.length, latencyMs: summarize(latencies) };
  } finally {
    await pool.query('DROP TABLE IF EXISTS bare_tickets').catch(() => undefined);
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    redis.disconnect();
    await pool.end();
  }
}
