import { QueueName } from '@smartdesk/contracts';
import type { BenchSystem } from '../bench-system';
import { PacedSubmission, pacedPosts } from '../paced-load';
import { RoutingFigures, RoutingProbe } from '../routing-probe';
import { LatencySummary, summarize } from '../stats';
import { ticketPayloads } from '../synthetic-text';
import { waitForTriaged } from '../triage-progress';

const SETTLE_MS = 60_000;

export interface LatencyResult {
  rate: number;
  durationS: number;
  sent: number;
  accepted: number;
  /** Accepted but not triaged within a minute after the last submission. */
  notTriaged: number;
  /** From the client sending the POST to tickets.triaged_at being set. */
  submitToTriagedMs: LatencySummary;
  /** From the client sending the POST to each stage writing its result: where the time goes. */
  submitToStageMs: Record<string, LatencySummary>;
  routing: RoutingFigures;
}

/** Submit → fully triaged at a fixed, moderate rate. Needs the gateway and the workers running. */
export async function measureLatency(system: BenchSystem, rate: number, durationS: number): Promise<LatencyResult> {
  await system.reset();
  const probe = await RoutingProbe.start(system.db, system.queue(QueueName.Escalation));
  const submissions = await pacedPosts(`${system.baseUrl}/api/tickets`, rate, durationS, ticketPayloads(21));
  const accepted = submissions.filter((submission) => submission.id !== undefined);
  await waitForTriaged(system.db, accepted.length, SETTLE_MS);
  const { rows } = await system.db.query<{ id: string; triaged: number }>(
    `SELECT id, (extract(epoch FROM triaged_at) * 1000)::float8 AS triaged FROM tickets WHERE triaged_at IS NOT NULL AND id = ANY($1::uuid[])`,
    [accepted.map((submission) => submission.id)],
  );
  const triagedAt = new Map(rows.map((row) => [row.id, row.triaged]));
  const latencies = accepted.filter((submission) => triagedAt.has(submission.id!)).map((submission) => triagedAt.get(submission.id!)! - submission.sentAt);
  return {
    rate,
    durationS,
    sent: submissions.length,
    accepted: accepted.length,
    notTriaged: accepted.length - latencies.length,
    submitToTriagedMs: summarize(latencies),
    submitToStageMs: await stageLatencies(system, accepted),
    routing: await probe.finish(),
  };
}

/** Per stage, submit → that stage's result row written (ticket_stage_results.updated_at). */
async function stageLatencies(system: BenchSystem, accepted: PacedSubmission[]): Promise<Record<string, LatencySummary>> {
  const sentAt = new Map(accepted.map((submission) => [submission.id!, submission.sentAt]));
  const { rows } = await system.db.query<{ ticket_id: string; stage: string; done: number }>(
    `SELECT ticket_id, stage, (extract(epoch FROM updated_at) * 1000)::float8 AS done FROM ticket_stage_results WHERE ticket_id = ANY($1::uuid[])`,
    [[...sentAt.keys()]],
  );
  const byStage = new Map<string, number[]>();
  for (const row of rows) byStage.set(row.stage, [...(byStage.get(row.stage) ?? []), row.done - sentAt.get(row.ticket_id)!]);
  // In the order the stages finish.
  return Object.fromEntries([...byStage].map(([stage, latencies]) => [stage, summarize(latencies)] as const).sort((a, b) => a[1].p50 - b[1].p50));
}
