import type { PipelineResult } from './measurements/pipeline.measurement';
import { combineRounds, median, roundOrder } from './pipeline-rounds';

const run = (ticketsPerSec: number, escalationCpu: number, routing: Partial<PipelineResult['routing']> = {}): PipelineResult => ({
  processesPerWorker: 1,
  setup: 'team',
  tickets: 1000,
  ticketsPerSec,
  elapsedMs: 1_000_000 / ticketsPerSec,
  timedOut: false,
  cpuMsPerTicket: { 'escalation-worker': escalationCpu, postgres: 2 },
  machineBusy: 0.97,
  routing: { deadlocks: 0, failedJobs: 0, routable: 970, routed: 970, assigned: 150, capacityViolations: 0, ...routing },
});

describe('pipeline rounds', () => {
  it('alternates the setups ABBA, so that a drift over the runs weighs on both alike', () => {
    expect(roundOrder(1)).toEqual(['team', 'none']);
    expect(roundOrder(2)).toEqual(['team', 'none', 'none', 'team']);
    expect(roundOrder(3)).toEqual(['team', 'none', 'none', 'team', 'team', 'none']);
  });

  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([140, 120])).toBe(130);
  });

  it('reports the median rate and CPU of its rounds, keeps each rate, and adds up routing over them', () => {
    const combined = combineRounds([run(120, 2.5), run(150, 2.1, { deadlocks: 1, capacityViolations: 2 }), run(140, 2.2)]);
    expect(combined).toMatchObject({ ticketsPerSec: 140, tickets: 3000, rounds: [120, 150, 140], cpuMsPerTicket: { 'escalation-worker': 2.2, postgres: 2 } });
    expect(combined.routing).toEqual({ deadlocks: 1, failedJobs: 0, routable: 2910, routed: 2910, assigned: 450, capacityViolations: 2 });
  });

  it('leaves a single run as it is', () => {
    const single = run(130, 2);
    expect(combineRounds([single])).toBe(single);
  });
});
