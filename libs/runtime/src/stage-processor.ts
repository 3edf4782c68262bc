import { WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { JOB_QUEUE, JobCatalog, JobName, JobNamesOf, QueueName, Stage, TicketJobData } from '@smartdesk/contracts';
import type { TicketEntity, TicketStageStore } from '@smartdesk/database';

export type JobHandlers<Q extends QueueName> = { [N in JobNamesOf<Q>]: (data: JobCatalog[N]['data'], job: Job) => Promise<unknown> };

/**
 * Base of every pipeline processor: dispatches by job name through a typed, exhaustive handler
 * table, and records a stage that failed for good on the ticket's timeline.
 */
export abstract class StageProcessor<Q extends QueueName> extends WorkerHost {
  abstract readonly queue: Q;
  abstract readonly stage: Stage;
  protected abstract readonly handlers: JobHandlers<Q>;
  protected abstract readonly store: TicketStageStore;

  /** Loads models and other state before the first job; the worker takes no job until it resolves. */
  async prepare(): Promise<void> {}

  async process(job: Job): Promise<unknown> {
    const handler = (this.handlers as Record<string, (data: unknown, job: Job) => Promise<unknown>>)[job.name];
    if (!handler) throw new UnrecoverableError(`${this.queue} has no handler for job '${job.name}'`);
    if ((job.data as Partial<TicketJobData>)?.v !== 1) throw new UnrecoverableError(`unsupported payload version ${(job.data as TicketJobData)?.v}`);
    return handler(job.data, job);
  }

  /** The ticket a job is about; a job for a deleted ticket can never succeed, so it is not retried. */
  protected async ticketOrFail(ticketId: string): Promise<TicketEntity> {
    const ticket = await this.store.findTicket(ticketId);
    if (!ticket) throw new UnrecoverableError(`ticket ${ticketId} does not exist`);
    return ticket;
  }

  /** Fail fast on wiring: exactly the jobs routed to this queue have handlers. */
  assertWiring(): void {
    const expected = (Object.keys(JOB_QUEUE) as JobName[]).filter((name) => JOB_QUEUE[name] === this.queue).sort();
    const actual = Object.keys(this.handlers).sort();
    if (expected.join() !== actual.join()) {
      throw new Error(`${this.constructor.name} handles [${actual}] but queue '${this.queue}' carries [${expected}]`);
    }
  }

  async recordFailure(job: Job<TicketJobData>, error: Error): Promise<void> {
    const exhausted = job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError;
    if (!exhausted || !job.data?.ticketId) return;
    await this.store.appendEvent({
      ticketId: job.data.ticketId,
      stage: this.stage,
      type: 'stage.failed',
      summary: `${this.stage} failed after ${job.attemptsMade} attempt(s): ${error.message}`,
      data: { jobId: job.id, attempts: job.attemptsMade },
      dedupeKey: `${job.id}.failed`,
    });
  }
}
