import { WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { JOB_QUEUE, JobCatalog, JobName, JobNamesOf, QueueName } from '@smartdesk/contracts';
import { inJobSpan, runWithLogContext } from '@smartdesk/observability';

export type JobHandlers<Q extends QueueName> = { [N in JobNamesOf<Q>]: (data: JobCatalog[N]['data'], job: Job) => Promise<unknown> };

/**
 * Base of every processor: dispatches by job name through a typed, exhaustive handler table,
 * and refuses payload versions it does not know.
 */
export abstract class QueueProcessor<Q extends QueueName> extends WorkerHost {
  abstract readonly queue: Q;
  protected abstract readonly handlers: JobHandlers<Q>;
  private readonly running = new Set<Job>();

  /** The jobs this process runs now: a bounded drain gives back those still running at its end. */
  get jobsInHand(): ReadonlySet<Job> {
    return this.running;
  }

  /** Loads models and other state before the first job; the worker takes no job until it resolves. */
  async prepare(): Promise<void> {}

  /** Every line logged while the job runs names it (and its ticket): see StructuredLogger. The job's span continues its producer's trace. */
  async process(job: Job): Promise<unknown> {
    const ticketId = (job.data as { ticketId?: unknown } | undefined)?.ticketId;
    const logContext = { jobId: job.id, queue: this.queue, ...(typeof ticketId === 'string' ? { ticketId } : {}) };
    return inJobSpan(this.queue, job, () => runWithLogContext(logContext, () => this.handle(job)));
  }

  protected async handle(job: Job): Promise<unknown> {
    const handler = (this.handlers as Record<string, (data: unknown, job: Job) => Promise<unknown>>)[job.name];
    if (!handler) throw new UnrecoverableError(`${this.queue} has no handler for job '${job.name}'`);
    if ((job.data as { v?: unknown })?.v !== 1) throw new UnrecoverableError(`unsupported payload version ${(job.data as { v?: unknown })?.v}`);
    this.running.add(job);
    try {
      return await handler(job.data, job);
    } finally {
      this.running.delete(job);
    }
  }

  /** Fail fast on wiring: exactly the jobs routed to this queue have handlers. */
  assertWiring(): void {
    const expected = (Object.keys(JOB_QUEUE) as JobName[]).filter((name) => JOB_QUEUE[name] === this.queue).sort();
    const actual = Object.keys(this.handlers).sort();
    if (expected.join() !== actual.join()) {
      throw new Error(`${this.constructor.name} handles [${actual}] but queue '${this.queue}' carries [${expected}]`);
    }
  }

  /** Called when a job failed; processors that keep a record of failures override it. */
  async recordFailure(_job: Job, _error: Error): Promise<void> {}
}
