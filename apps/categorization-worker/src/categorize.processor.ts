import { Processor } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobName, QueueName, Stage, TicketJobData } from '@smartdesk/contracts';
import { TicketStageStore } from '@smartdesk/database';
import { Categorizer } from '@smartdesk/nlp';
import { JobHandlers, StageProcessor, workerOptions } from '@smartdesk/runtime';

@Processor(QueueName.Categorization, workerOptions(QueueName.Categorization))
export class CategorizeProcessor extends StageProcessor<typeof QueueName.Categorization> {
  readonly queue = QueueName.Categorization;
  readonly stage = Stage.Categorization;
  protected readonly handlers: JobHandlers<typeof QueueName.Categorization> = {
    [JobName.CategorizeTicket]: (data, job) => this.categorize(data, job),
  };

  constructor(
    protected readonly store: TicketStageStore,
    private readonly categorizer: Categorizer,
  ) {
    super();
  }

  private async categorize({ ticketId, revision }: TicketJobData, job: Job): Promise<{ category: string }> {
    const ticket = await this.ticketOrFail(ticketId);
    const started = performance.now();
    const result = this.categorizer.categorize({
      subject: ticket.subject,
      description: ticket.description,
      customerTier: typeof ticket.metadata.tier === 'string' ? ticket.metadata.tier : undefined,
    });
    const percent = Math.round(result.confidence * 100);
    await this.store.saveStageOutcome({
      ticketId,
      stage: this.stage,
      revision,
      result,
      durationMs: performance.now() - started,
      ticketPatch: { category: result.category, categoryConfidence: result.confidence, priority: result.priority.level },
      event: {
        type: 'categorized',
        summary: `Category ${result.category} (${percent}%${result.needsReview ? ', needs review' : ''}), priority ${result.priority.level}: ${result.priority.reasons.join(', ')}`,
        data: { category: result.category, priority: result.priority.level, needsReview: result.needsReview },
        dedupeKey: String(job.id),
      },
    });
    return { category: result.category };
  }
}
