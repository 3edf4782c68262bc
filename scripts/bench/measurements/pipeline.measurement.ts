import { QueueName } from '@smartdesk/contracts';
import type { BenchSystem } from '../bench-system';
import { CpuCost, cpuCost } from '../process-stats';
import { RoutingFigures, RoutingProbe } from '../routing-probe';
import { ratePerSecond } from '../stats';
import { waitForOutboxDrained, waitForTriaged } from '../triage-progress';
import { measureIntake } from './intake.measurement';

export interface PipelineResult extends CpuCost {
  processesPerWorker: number;
  /** 'team': routing rules, teams and agents seeded; 'none': tickets go to no team. */
  setup: 'team' | 'none';
  tickets: number;
  ticketsPerSec: number;
  elapsedMs: number;
  /** Some tickets were not triaged before the timeout: the rate counts those that were. */
  timedOut: boolean;
  routing: RoutingFigures;
  /** Several rounds of this setup combined (pipeline-rounds): each round's rate, in order. */
  rounds?: number[];
}

/**
 * Saturation throughput: `backlog` tickets are submitted over HTTP while the queues are paused, then
 * the queues are resumed, and the run lasts until the last ticket has triaged_at set. Needs the
 * gateway and `scale` processes of every worker running (booted, so boot time is not counted).
 */
export async function measurePipeline(
  system: BenchSystem,
  run: { scale: number; setup: PipelineResult['setup'] },
  backlog: number,
  connections: number,
  log: (line: string) => void,
): Promise<PipelineResult> {
  const { scale, setup } = run;
  await system.reset();
  await system.pauseQueues();
  const submitted = await measureIntake(system.baseUrl, { connections, amount: backlog, seed: 100 + scale });
  await waitForOutboxDrained(system.db, 60_000);
  log(`pipeline ×${scale} (${setup === 'team' ? 'team setup' : 'no team'}): ${submitted.accepted} tickets queued; releasing the queues`);
  const probe = await RoutingProbe.start(system.db, system.queue(QueueName.Escalation));
  const cpuBefore = system.cpuSnapshot();
  const started = Date.now();
  await system.resumeQueues();
  const progress = await waitForTriaged(system.db, submitted.accepted, Math.max(120_000, backlog * 50));
  const elapsedMs = (progress.lastTriagedAt ?? Date.now()) - started;
  const cost = cpuCost(cpuBefore, system.cpuSnapshot(), progress.triaged);
  return {
    processesPerWorker: scale,
    setup,
    tickets: progress.triaged,
    ticketsPerSec: ratePerSecond(progress.triaged, elapsedMs),
    elapsedMs,
    timedOut: progress.timedOut,
    ...cost,
    routing: await probe.finish(),
  };
}
