import type { Priority, SlaMetric } from '@smartdesk/contracts';
import type { TicketStatus } from '@smartdesk/database';
import type { SlaConfig } from './sla-config';

/** The state of one SLA clock (the columns of sla_clocks that the rules read and write). */
export interface ClockState {
  metric: SlaMetric;
  policy: string;
  targetMs: number;
  /** Business time counted up to `runningSince` (or in all, when not running). */
  elapsedMs: number;
  runningSince: Date | null;
  dueAt: Date | null;
  atRiskAt: Date | null;
  breachedAt: Date | null;
  stoppedAt: Date | null;
  generation: number;
}

export type CheckpointKind = 'at-risk' | 'breach';
export interface Checkpoint {
  kind: CheckpointKind;
  at: Date;
}

export type SlaAlert = 'at-risk' | 'breached';

/**
 * How SLA clocks move: start, pause (pending), resume, stop (met), restart (reopened), retarget (priority
 * changed) and checkpoints. Pure: every change returns a new state with the next generation, and no
 * change returns null, so callers write and reschedule only what changed.
 */
export class SlaClockRules {
  constructor(private readonly config: SlaConfig) {}

  start(metric: SlaMetric, priority: Priority, now: Date): ClockState {
    const targetMs = this.config.policies[priority][metric];
    return {
      metric,
      policy: priority,
      targetMs,
      elapsedMs: 0,
      runningSince: now,
      dueAt: this.config.calendar.addBusinessMs(now, targetMs),
      atRiskAt: null,
      breachedAt: null,
      stoppedAt: null,
      generation: 1,
    };
  }

  /** Business time counted so far. */
  elapsedAt(clock: ClockState, now: Date): number {
    return clock.elapsedMs + (clock.runningSince ? this.config.calendar.businessMsBetween(clock.runningSince, now) : 0);
  }

  pause<C extends ClockState>(clock: C, now: Date): C | null {
    if (!clock.runningSince) return null;
    return this.next(clock, { elapsedMs: this.elapsedAt(clock, now), runningSince: null, dueAt: null });
  }

  resume<C extends ClockState>(clock: C, now: Date): C | null {
    if (clock.runningSince || clock.stoppedAt) return null;
    return this.next(clock, { runningSince: now, dueAt: this.dueFrom(now, clock.targetMs, clock.elapsedMs) });
  }

  /** Met: the clock stops; it counts as breached if it ran past its target, whether or not a checkpoint saw it. */
  stop<C extends ClockState>(clock: C, now: Date): C | null {
    if (clock.stoppedAt) return null;
    const elapsedMs = this.elapsedAt(clock, now);
    const breachedAt = clock.breachedAt ?? (elapsedMs > clock.targetMs ? (clock.dueAt ?? now) : null);
    return this.next(clock, { elapsedMs, runningSince: null, dueAt: null, stoppedAt: now, breachedAt });
  }

  /** A reopened ticket: its stopped clock runs on from where it stopped. */
  restart<C extends ClockState>(clock: C, now: Date): C | null {
    if (!clock.stoppedAt) return null;
    return this.next(clock, { stoppedAt: null, runningSince: now, dueAt: this.dueFrom(now, clock.targetMs, clock.elapsedMs) });
  }

  /**
   * A new priority: the target changes, the time counted so far stays. A breach that happened stays
   * recorded, and a stopped clock keeps the outcome it was measured with.
   */
  retarget<C extends ClockState>(clock: C, priority: Priority, now: Date): C | null {
    const targetMs = this.config.policies[priority][clock.metric];
    if (clock.stoppedAt || (clock.policy === priority && clock.targetMs === targetMs)) return null;
    const elapsedMs = this.elapsedAt(clock, now);
    const running = clock.runningSince !== null;
    const stillSafe = elapsedMs < this.config.atRiskRatio * targetMs;
    return this.next(clock, {
      policy: priority,
      targetMs,
      elapsedMs,
      runningSince: running ? now : null,
      dueAt: running ? this.dueFrom(now, targetMs, elapsedMs) : null,
      // A longer target can make an at-risk clock safe again, so that it warns again later.
      atRiskAt: stillSafe ? null : clock.atRiskAt,
    });
  }

  /** The next instant a running clock needs looking at: when it becomes at risk, then when it breaches. */
  nextCheckpoint(clock: ClockState): Checkpoint | null {
    if (!clock.runningSince || !clock.dueAt) return null;
    if (!clock.atRiskAt) {
      const untilRisk = Math.max(0, this.config.atRiskRatio * clock.targetMs - clock.elapsedMs);
      return { kind: 'at-risk', at: this.config.calendar.addBusinessMs(clock.runningSince, Math.ceil(untilRisk)) };
    }
    return clock.breachedAt ? null : { kind: 'breach', at: clock.dueAt };
  }

  /** What a checkpoint finds at `now`: the alerts that are due (at risk before breached), and the clock after them. */
  check<C extends ClockState>(clock: C, now: Date): { clock: C; alerts: SlaAlert[] } {
    if (!clock.runningSince) return { clock, alerts: [] };
    const elapsed = this.elapsedAt(clock, now);
    const alerts: SlaAlert[] = [];
    const patch: Partial<ClockState> = {};
    if (!clock.atRiskAt && elapsed >= this.config.atRiskRatio * clock.targetMs) {
      alerts.push('at-risk');
      patch.atRiskAt = now;
    }
    if (!clock.breachedAt && elapsed >= clock.targetMs) {
      alerts.push('breached');
      patch.breachedAt = clock.dueAt ?? now;
    }
    // Always a new generation: the checkpoint that ran is done, and the next one gets its own job id.
    return { clock: this.next(clock, patch), alerts };
  }

  private dueFrom(now: Date, targetMs: number, elapsedMs: number): Date {
    return this.config.calendar.addBusinessMs(now, Math.max(0, targetMs - elapsedMs));
  }

  private next<C extends ClockState>(clock: C, patch: Partial<ClockState>): C {
    return { ...clock, ...patch, generation: clock.generation + 1 };
  }
}

export type ClockAction = 'pause' | 'resume' | 'stop' | 'restart';

/**
 * What a status change does to each clock: pending pauses both (the customer has the ball), leaving
 * pending resumes them, resolving or closing stops them (met), and reopening a resolved ticket runs its
 * resolution clock on.
 */
export function clockActionsForStatus(from: TicketStatus, to: TicketStatus): Partial<Record<SlaMetric, ClockAction>> {
  if (from === to) return {};
  if (to === 'resolved' || to === 'closed') return { first_response: 'stop', resolution: 'stop' };
  if (to === 'pending') return { first_response: 'pause', resolution: 'pause' };
  if (from === 'resolved') return { resolution: 'restart' };
  if (from === 'pending') return { first_response: 'resume', resolution: 'resume' };
  return {};
}
