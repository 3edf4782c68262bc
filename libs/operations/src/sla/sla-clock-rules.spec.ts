import { BusinessCalendar } from './business-calendar';
import { clockActionsForStatus, SlaClockRules } from './sla-clock-rules';
import { SlaConfig } from './sla-config';

const MIN = 60_000;
const weekday = { start: 9 * 60, end: 17 * 60 };
/** UTC, Monday to Friday 09:00-17:00; urgent: 30 min first response, 4 h resolution; at risk at 80 %. */
const config: SlaConfig = {
  calendar: new BusinessCalendar('UTC', { 1: [weekday], 2: [weekday], 3: [weekday], 4: [weekday], 5: [weekday] }),
  atRiskRatio: 0.8,
  policies: {
    urgent: { first_response: 30 * MIN, resolution: 240 * MIN },
    high: { first_response: 60 * MIN, resolution: 480 * MIN },
    normal: { first_response: 240 * MIN, resolution: 1440 * MIN },
    low: { first_response: 480 * MIN, resolution: 2880 * MIN },
  },
};
const rules = new SlaClockRules(config);
/** Monday 16 November 2026, at a UTC time of day. */
const mon = (time: string) => new Date(`2026-11-16T${time}Z`);
const tue = (time: string) => new Date(`2026-11-17T${time}Z`);

describe('SlaClockRules', () => {
  it('starts a running clock due after its target in business time', () => {
    const clock = rules.start('first_response', 'urgent', mon('16:50:00'));
    expect(clock).toMatchObject({ policy: 'urgent', targetMs: 30 * MIN, elapsedMs: 0, runningSince: mon('16:50:00'), generation: 1 });
    // 10 minutes on Monday, 20 on Tuesday morning.
    expect(clock.dueAt).toEqual(tue('09:20:00'));
  });

  it('schedules the at-risk checkpoint first, then the breach', () => {
    const clock = rules.start('first_response', 'urgent', mon('10:00:00'));
    expect(rules.nextCheckpoint(clock)).toEqual({ kind: 'at-risk', at: mon('10:24:00') });
    const { clock: atRisk, alerts } = rules.check(clock, mon('10:24:00'));
    expect(alerts).toEqual(['at-risk']);
    expect(atRisk.generation).toBe(2);
    expect(rules.nextCheckpoint(atRisk)).toEqual({ kind: 'breach', at: mon('10:30:00') });
    const breached = rules.check(atRisk, mon('10:30:00'));
    expect(breached.alerts).toEqual(['breached']);
    expect(breached.clock.breachedAt).toEqual(mon('10:30:00'));
    expect(rules.nextCheckpoint(breached.clock)).toBeNull();
  });

  it('a checkpoint that runs early finds nothing but moves to a new generation', () => {
    const clock = rules.start('first_response', 'urgent', mon('10:00:00'));
    const early = rules.check(clock, mon('10:10:00'));
    expect(early.alerts).toEqual([]);
    expect(early.clock.generation).toBe(2);
    expect(rules.nextCheckpoint(early.clock)).toEqual({ kind: 'at-risk', at: mon('10:24:00') });
  });

  it('a late checkpoint raises both alerts, at risk first', () => {
    const clock = rules.start('first_response', 'urgent', mon('10:00:00'));
    expect(rules.check(clock, mon('11:00:00')).alerts).toEqual(['at-risk', 'breached']);
  });

  it('pauses (no checkpoint while paused) and resumes with the time left', () => {
    const clock = rules.start('first_response', 'urgent', mon('10:00:00'));
    const paused = rules.pause(clock, mon('10:10:00'))!;
    expect(paused).toMatchObject({ elapsedMs: 10 * MIN, runningSince: null, dueAt: null, generation: 2 });
    expect(rules.nextCheckpoint(paused)).toBeNull();
    expect(rules.pause(paused, mon('11:00:00'))).toBeNull();
    // A day later: 20 minutes left.
    const resumed = rules.resume(paused, tue('11:00:00'))!;
    expect(resumed).toMatchObject({ elapsedMs: 10 * MIN, runningSince: tue('11:00:00'), dueAt: tue('11:20:00'), generation: 3 });
    // At risk at 24 of 30 minutes: 14 minutes after resuming.
    expect(rules.nextCheckpoint(resumed)).toEqual({ kind: 'at-risk', at: tue('11:14:00') });
    expect(rules.resume(resumed, tue('11:05:00'))).toBeNull();
  });

  it('stops: met within the target, or breached if it ran past it', () => {
    const clock = rules.start('first_response', 'urgent', mon('10:00:00'));
    expect(rules.stop(clock, mon('10:29:00'))).toMatchObject({ stoppedAt: mon('10:29:00'), elapsedMs: 29 * MIN, breachedAt: null, runningSince: null, dueAt: null });
    expect(rules.stop(clock, mon('10:45:00'))).toMatchObject({ elapsedMs: 45 * MIN, breachedAt: mon('10:30:00') });
    expect(rules.stop(rules.stop(clock, mon('10:29:00'))!, mon('11:00:00'))).toBeNull();
  });

  it('restarts a stopped clock from the time already counted (a reopened ticket)', () => {
    const stopped = rules.stop(rules.start('resolution', 'urgent', mon('10:00:00')), mon('12:00:00'))!;
    const restarted = rules.restart(stopped, tue('09:00:00'))!;
    expect(restarted).toMatchObject({ stoppedAt: null, runningSince: tue('09:00:00'), elapsedMs: 120 * MIN, dueAt: tue('11:00:00') });
    expect(rules.restart(restarted, tue('10:00:00'))).toBeNull();
  });

  it('retargets to a new priority, keeping the time counted', () => {
    const clock = rules.start('first_response', 'normal', mon('10:00:00'));
    const urgent = rules.retarget(clock, 'urgent', mon('10:20:00'))!;
    expect(urgent).toMatchObject({ policy: 'urgent', targetMs: 30 * MIN, elapsedMs: 20 * MIN, runningSince: mon('10:20:00'), dueAt: mon('10:30:00') });
    expect(rules.nextCheckpoint(urgent)).toEqual({ kind: 'at-risk', at: mon('10:24:00') });
    expect(rules.retarget(urgent, 'urgent', mon('10:21:00'))).toBeNull();
  });

  it('a longer target makes an at-risk clock safe again, so that it can warn again later', () => {
    const atRisk = rules.check(rules.start('first_response', 'urgent', mon('10:00:00')), mon('10:25:00')).clock;
    expect(atRisk.atRiskAt).toEqual(mon('10:25:00'));
    const low = rules.retarget(atRisk, 'low', mon('10:26:00'))!;
    expect(low.atRiskAt).toBeNull();
    expect(rules.nextCheckpoint(low)?.kind).toBe('at-risk');
    // Already past 80 % of the new target: stays at risk.
    expect(rules.retarget(atRisk, 'high', mon('10:50:00'))!.atRiskAt).toEqual(mon('10:25:00'));
  });
});

describe('clockActionsForStatus', () => {
  it.each([
    ['open', 'pending', { first_response: 'pause', resolution: 'pause' }],
    ['triaged', 'pending', { first_response: 'pause', resolution: 'pause' }],
    ['pending', 'open', { first_response: 'resume', resolution: 'resume' }],
    ['open', 'resolved', { first_response: 'stop', resolution: 'stop' }],
    ['pending', 'resolved', { first_response: 'stop', resolution: 'stop' }],
    ['resolved', 'closed', { first_response: 'stop', resolution: 'stop' }],
    ['resolved', 'open', { resolution: 'restart' }],
    ['new', 'triaged', {}],
    ['triaged', 'open', {}],
    ['open', 'open', {}],
  ] as const)('%s → %s: %j', (from, to, actions) => {
    expect(clockActionsForStatus(from, to)).toEqual(actions);
  });
});
