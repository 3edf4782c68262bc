import autocannon from 'autocannon';
import { LatencySummary, ratePerSecond, summarize } from '../stats';
import { ticketPayloads } from '../synthetic-text';

export interface IntakeResult {
  ticketsPerSec: number;
  accepted: number;
  /** Non-2xx answers plus connection errors and timeouts. */
  failed: number;
  latencyMs: LatencySummary;
}

/**
 * POST /api/tickets with autocannon, `connections` at once, for `durationS` seconds or until `amount`
 * requests were sent. Every request carries a different ticket. Counts 2xx answers only, and computes
 * the percentiles from every response time (autocannon's own table has no p95).
 */
export async function measureIntake(baseUrl: string, load: { connections: number; durationS?: number; amount?: number; seed?: number }): Promise<IntakeResult> {
  const next = ticketPayloads(load.seed ?? 1);
  const latencies: number[] = [];
  let accepted = 0;
  const started = performance.now();
  const options: autocannon.Options = {
    url: baseUrl,
    connections: load.connections,
    ...(load.amount ? { amount: load.amount } : { duration: load.durationS }),
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/api/tickets',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: JSON.stringify(next()) }),
      },
    ],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode >= 200 && statusCode < 300) accepted++;
    });
  });
  const elapsedMs = performance.now() - started;
  return { ticketsPerSec: ratePerSecond(accepted, elapsedMs), accepted, failed: result.non2xx + result.errors, latencyMs: summarize(latencies) };
}
