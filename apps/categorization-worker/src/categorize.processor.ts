import { Processor } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobName, QueueName, Stage, TicketJobData } from '@smartdesk/contracts';
import { TicketStageStore } from '@smartdesk/database';
import { JobHandlers, StageProcessor, workerOptions } from '@smartdesk/runtime';
import { CategoryJudge } from './category-judge.service';
import { CategoryModelRegistry } from './category-model.registry';

@Processor(QueueName.Categorization, workerOptions(QueueName.Categorization))
export class CategorizeProcessor extends StageProcessor<typeof QueueName.Categorization> {
  readonly queue = QueueName.Categorization;
  readonly stage = Stage.Categorization;
  protected readonly handlers: JobHandlers<typeof QueueName.Categorization> = {
    [JobName.CategorizeTicket]: (data, job) => this.categorize(data, job),
  };

  constructor(
    protected readonly store: TicketStageStore,
    private readonly models: CategoryModelRegistry,
    private readonly judge: CategoryJudge,
  ) {
    super();
  }

  /** The active model is loaded before the first ticket, and swapped whenever another is activated. */
  override async prepare(): Promise<void> {
    await this.models.start();
  }

  private async categorize(data: TicketJobData, job: Job): Promise<{ category: string }> {
    const { work } = await this.runStage(data, job, async (ticket) => {
      const input = { subject: ticket.subject, description: ticket.description, customerTier: typeof ticket.metadata.tier === 'string' ? ticket.metadata.tier : undefined };
      const categorizer = this.models.categorizer;
      const result = await this.judge.review(input, categorizer.categorize(input), categorizer);
      const percent = Math.round(result.confidence * 100);
      return {
        result,
        // A category an agent already confirmed is theirs: a late or repeated triage does not overwrite it.
        ticketPatch: {
          ...(ticket.categoryConfirmedAt ? {} : { category: result.category, categoryConfidence: result.confidence }),
          priority: result.priority.level,
        },
        event: {
          type: 'categorized',
          summary: `Category ${result.category} (${percent}%${result.needsReview ? ', needs review' : ''}, ${result.source === 'llm' ? 'LLM judge' : `model v${result.modelVersion}`}), priority ${result.priority.level}: ${result.priority.reasons.join(', ')}`,
          data: { category: result.category, priority: result.priority.level, needsReview: result.needsReview, modelVersion: result.modelVersion, source: result.source },
        },
      };
    });
    return { category: work.result.category };
  }
}
