import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { AiOutput, QueueName, Stage, TicketJobData } from '@smartdesk/contracts';
import type { StageEffect, StageOutcome, TicketEntity, TicketStageStore } from '@smartdesk/database';
import { stageDuration } from '@smartdesk/observability';
import { QueueProcessor } from './queue-processor';

/** What a stage made of one ticket: its result, the ticket columns it owns, its timeline event, and what it writes beside them. */
export interface StageWork<R extends AiOutput, T = unknown, O = void> {
  result: R;
  ticketPatch: Partial<TicketEntity>;
  event: Omit<StageOutcome<R>['event'], 'dedupeKey'>;
  effect?: StageEffect<T, O>;
}

/** A pipeline stage: works on one ticket, and records a stage that failed for good on the ticket's timeline. */
export abstract class StageProcessor<Q extends QueueName> extends QueueProcessor<Q> {
  abstract readonly stage: Stage;
  protected abstract readonly store: TicketStageStore;
  private readonly stageLogger = new Logger(StageProcessor.name);

  /**
   * What every stage job does around its own work: reads the ticket, times the work, and stores result, ticket
   * columns, timeline event (one per job, however often it runs) and effect in one transaction. Resolves once
   * committed, with the work and what its effect wrote.
   */
  protected async runStage<R extends AiOutput, T = unknown, O = void>(
    { ticketId, revision }: TicketJobData,
    job: Job,
    work: (ticket: TicketEntity) => Promise<StageWork<R, T, O>>,
  ): Promise<{ work: StageWork<R, T, O>; written?: O }> {
    const ticket = await this.ticketOrFail(ticketId);
    const started = performance.now();
    const done = await work(ticket);
    const { result, ticketPatch, event, effect } = done;
    const outcome = { ticketId, stage: this.stage, revision, result, durationMs: performance.now() - started, ticketPatch, event: { ...event, dedupeKey: String(job.id) } };
    return { work: done, written: await this.store.saveStageOutcome(outcome, effect) };
  }

  /** The ticket a job is about; a job for a deleted ticket can never succeed, so it is not retried. */
  private async ticketOrFail(ticketId: string): Promise<TicketEntity> {
    const ticket = await this.store.findTicket(ticketId);
    if (!ticket) throw new UnrecoverableError(`ticket ${ticketId} does not exist`);
    return ticket;
  }

  /** Every stage job is timed here once, completed or failed (smartdesk_stage_duration_seconds). */
  protected override async handle(job: Job): Promise<unknown> {
    const end = stageDuration.startTimer({ stage: this.stage });
    try {
      const result = await super.handle(job);
      const seconds = end({ outcome: 'completed' });
      this.stageLogger.debug(`${this.stage} of ticket ${job.data?.ticketId} done in ${Math.round(seconds * 1000)} ms`);
      return result;
    } catch (error) {
      end({ outcome: 'failed' });
      throw error;
    }
  }

  override async recordFailure(job: Job<TicketJobData>, error: Error): Promise<void> {
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
