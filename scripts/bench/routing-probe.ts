import type { Pool } from 'pg';
import type { Queue } from 'bullmq';

const SAMPLE_MS = 500;
const SETTLE_MS = 60_000;

export interface RoutingFigures {
  /** pg_stat_database.deadlocks of the run's database, over the run. */
  deadlocks: number;
  /** Escalation (triage + routing) jobs failed for good during the run. */
  failedJobs: number;
  /** Tickets whose category has a routing rule, those of them in a team, and tickets with an agent. */
  routable: number;
  routed: number;
  assigned: number;
  /** The most agents seen over capacity at once (sampled during the run, and at its end). */
  capacityViolations: number;
}

/** Watches routing during a run: deadlocks, failed jobs, and agents over capacity at any sampled moment. */
export class RoutingProbe {
  private violations = 0;
  private readonly sampler: NodeJS.Timeout;
  private sampling?: Promise<void>;

  private constructor(
    private readonly db: Pool,
    private readonly escalation: Queue,
    private readonly deadlocksBefore: number,
    private readonly failedBefore: number,
  ) {
    this.sampler = setInterval(() => (this.sampling ??= this.sample().finally(() => (this.sampling = undefined))), SAMPLE_MS);
  }

  static async start(db: Pool, escalation: Queue): Promise<RoutingProbe> {
    return new RoutingProbe(db, escalation, await deadlocks(db), await failed(escalation));
  }

  /** Once the escalation queue is idle (routing runs at the end of each triage job): the run's figures. */
  async finish(): Promise<RoutingFigures> {
    const deadline = Date.now() + SETTLE_MS;
    for (;;) {
      const counts = await this.escalation.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      if (Object.values(counts).every((count) => count === 0) || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
    }
    clearInterval(this.sampler);
    await this.sampling;
    await this.sample();
    const { rows } = await this.db.query<{ routable: number; routed: number; assigned: number }>(
      `SELECT count(*) FILTER (WHERE r.category IS NOT NULL)::int AS routable,
              count(*) FILTER (WHERE r.category IS NOT NULL AND t.team_id IS NOT NULL)::int AS routed,
              count(t.assignee_id)::int AS assigned
         FROM tickets t LEFT JOIN routing_rules r ON r.category = t.category`,
    );
    return { deadlocks: (await deadlocks(this.db)) - this.deadlocksBefore, failedJobs: (await failed(this.escalation)) - this.failedBefore, ...rows[0], capacityViolations: this.violations };
  }

  private async sample(): Promise<void> {
    const { rows } = await this.db.query<{ over: number }>(
      `SELECT count(*)::int AS over FROM users u
        WHERE u.capacity < (SELECT count(*) FROM tickets t WHERE t.assignee_id = u.id AND t.status NOT IN ('resolved', 'closed'))`,
    );
    this.violations = Math.max(this.violations, rows[0].over);
  }
}

async function deadlocks(db: Pool): Promise<number> {
  const { rows } = await db.query<{ deadlocks: string }>(`SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()`);
  return Number(rows[0].deadlocks);
}

async function failed(queue: Queue): Promise<number> {
  return (await queue.getJobCounts('failed')).failed;
}
