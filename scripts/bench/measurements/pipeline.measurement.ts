import type { BenchSystem } from '../bench-system';
import { CpuCost, cpuCost } from '../process-stats';
import { ratePerSecond } from '../stats';
import { waitForOutboxDrained, waitForTriaged } from '../triage-progress';
import { measureIntake } from './intake.measurement';

export interface PipelineResult extends CpuCost {
  processesPerWorker: number;
  tickets: number;
  ticketsPerSec: number;
  elapsedMs: number;
  /** Some tickets were not triaged before the timeout: the rate counts those that were. */
  timedOut: boolean;
}

/**
 * Saturation throughput: `backlog` tickets are submitted over HTTP while the queues are paused, then
 * the queues are resumed, and the run lasts until the last ticket has triaged_at set. Needs the
 * gateway and `scale` processes of every worker running (booted, so boot time is not counted).
 */
export async function measurePipeline(system: BenchSystem, scale: number, backlog: number, connections: number, log: (line: string) => void): Promise<PipelineResult> {
  await system.reset();
  await system.pauseQueues();
  const submitted = await measureIntake(system.baseUrl, { connections, amount: backlog, seed: 100 + scale });
  await waitForOutboxDrained(system.db, 60_000);
  log(`pipeline ×${scale}: ${submitted.accepted} tickets queued; releasing the queues`);
  const cpuBefore = system.cpuSnapshot();
  const started = Date.now();
  await system.resumeQueues();
  const progress = await waitForTriaged(system.db, submitted.accepted, Math.max(120_000, backlog * 50));
  const elapsedMs = (progress.lastTriagedAt ?? Date.now()) - started;
  const cost = cpuCost(cpuBefore, system.cpuSnapshot(), progress.triaged);
  return {
    processesPerWorker: scale,
    tickets: progress.triaged,
    ticketsPerSec: ratePerSecond(progress.triaged, elapsedMs),
    elapsedMs,
    timedOut: progress.timedOut,
    ...cost,
  };
}
