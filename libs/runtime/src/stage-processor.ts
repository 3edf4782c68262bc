import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { QueueName, Stage, TicketJobData } from '@smartdesk/contracts';
import type { TicketEntity, TicketStageStore } from '@smartdesk/database';
import { stageDuration } from '@smartdesk/observability';
import { QueueProcessor } from './queue-processor';

/** A pipeline stage: works on one ticket, and records a stage that failed for good on the ticket's timeline. */
export abstract class StageProcessor<Q extends QueueName> extends QueueProcessor<Q> {
  abstract readonly stage: Stage;
  protected abstract readonly store: TicketStageStore;
  private readonly stageLogger = new Logger(StageProcessor.name);

  /** The ticket a job is about; a job for a deleted ticket can never succeed, so it is not retried. */
  protected async ticketOrFail(ticketId: string): Promise<TicketEntity> {
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
