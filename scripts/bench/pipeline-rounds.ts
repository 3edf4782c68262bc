import type { PipelineResult } from './measurements/pipeline.measurement';
import { round } from './stats';

/**
 * The setups of `rounds` rounds of a with/without-team comparison, in ABBA order (team, none, none, team, ...):
 * whatever drifts over a sequence of runs (JIT, caches, the machine's other load) weighs on both setups alike.
 * Run back to back in a fixed order, the first setup measured slower even in stages that do not route.
 */
export function roundOrder(rounds: number): PipelineResult['setup'][] {
  return Array.from({ length: rounds }, (_, index): PipelineResult['setup'][] => (index % 2 === 0 ? ['team', 'none'] : ['none', 'team'])).flat();
}

/** The middle value; the mean of the two middle ones for an even count. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * One figure per setup from its rounds (all of one setup and scale): the median rate and the median CPU per
 * ticket of each app; routing summed over the rounds, and the worst capacity sample. `rounds` keeps each rate.
 */
export function combineRounds(runs: readonly PipelineResult[]): PipelineResult {
  if (runs.length === 1) return runs[0];
  const [first] = runs;
  const apps = Object.keys(first.cpuMsPerTicket);
  const sum = (pick: (run: PipelineResult) => number) => runs.reduce((total, run) => total + pick(run), 0);
  return {
    processesPerWorker: first.processesPerWorker,
    setup: first.setup,
    tickets: sum((run) => run.tickets),
    ticketsPerSec: round(median(runs.map((run) => run.ticketsPerSec)), 1),
    elapsedMs: sum((run) => run.elapsedMs),
    timedOut: runs.some((run) => run.timedOut),
    cpuMsPerTicket: Object.fromEntries(apps.map((app) => [app, round(median(runs.map((run) => run.cpuMsPerTicket[app] ?? 0)), 2)])),
    machineBusy: round(median(runs.map((run) => run.machineBusy)), 2),
    routing: {
      deadlocks: sum((run) => run.routing.deadlocks),
      failedJobs: sum((run) => run.routing.failedJobs),
      routable: sum((run) => run.routing.routable),
      routed: sum((run) => run.routing.routed),
      assigned: sum((run) => run.routing.assigned),
      capacityViolations: Math.max(...runs.map((run) => run.routing.capacityViolations)),
    },
    rounds: runs.map((run) => run.ticketsPerSec),
  };
}
