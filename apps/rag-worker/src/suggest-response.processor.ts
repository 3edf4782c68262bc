import { Processor } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { Environment } from '@smartdesk/config';
import { JobName, QueueName, Stage, TicketJobData } from '@smartdesk/contracts';
import { TicketResponseEntity, TicketStageStore } from '@smartdesk/database';
import { composeReply, KnowledgeRetrieverService } from '@smartdesk/knowledge';
import { JobHandlers, StageProcessor, workerOptions } from '@smartdesk/runtime';

/** Retrieves the best knowledge-base articles for a ticket and writes a grounded suggested reply. */
@Processor(QueueName.RagResponse, workerOptions(QueueName.RagResponse))
export class SuggestResponseProcessor extends StageProcessor<typeof QueueName.RagResponse> {
  readonly queue = QueueName.RagResponse;
  readonly stage = Stage.RagResponse;
  protected readonly handlers: JobHandlers<typeof QueueName.RagResponse> = {
    [JobName.SuggestResponse]: (data, job) => this.suggest(data, job),
  };

  constructor(
    protected readonly store: TicketStageStore,
    private readonly retriever: KnowledgeRetrieverService,
    private readonly env: Environment,
  ) {
    super();
  }

  private async suggest({ ticketId, revision }: TicketJobData, job: Job): Promise<{ confidence: number }> {
    const ticket = await this.ticketOrFail(ticketId);
    const started = performance.now();
    const language = ticket.language ?? 'en';
    const hits = await this.retriever.search({ text: `${ticket.subject}\n${ticket.description}`, language, category: ticket.category });
    const reply = composeReply({ customerName: ticket.customerName, subject: ticket.subject, language }, hits, this.env.RESPONSE_MIN_CONFIDENCE);
    await this.store.saveStageOutcome(
      {
        ticketId,
        stage: this.stage,
        revision,
        result: reply,
        durationMs: performance.now() - started,
        ticketPatch: {},
        event: {
          type: 'response-suggested',
          summary: reply.needsHuman
            ? `No confident answer in the knowledge base (${Math.round(reply.confidence * 100)}%): needs a human`
            : `Suggested a reply from "${reply.sources[0]?.title}" (${Math.round(reply.confidence * 100)}%)`,
          data: { revision, needsHuman: reply.needsHuman, sources: reply.sources.map((source) => source.articleId) },
          dedupeKey: String(job.id),
        },
      },
      (manager) =>
        manager
          .createQueryBuilder()
          .insert()
          .into(TicketResponseEntity)
          .values({ ticketId, revision, ...reply })
          .orUpdate(['body', 'language', 'confidence', 'source', 'needs_human', 'sources'], ['ticket_id', 'revision'])
          .execute()
          .then(() => undefined),
    );
    return { confidence: reply.confidence };
  }
}
