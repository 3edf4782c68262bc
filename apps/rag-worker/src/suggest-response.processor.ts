import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { Job } from 'bullmq';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { JobName, QueueName, ResponseSource, SolvedTicketJobData, Stage, TicketJobData } from '@smartdesk/contracts';
import { TicketResponseEntity, TicketStageStore } from '@smartdesk/database';
import { KnowledgeRetrieverService, mergeHits, SolvedTicketIndexer, SolvedTicketRetriever } from '@smartdesk/knowledge';
import { JobHandlers, StageProcessor, workerOptions } from '@smartdesk/runtime';
import { maskSensitive } from '@smartdesk/privacy';
import { EMBEDDING_PROVIDER, EmbeddingProvider } from '@smartdesk/vector-store';
import { ReplyWriter } from './reply-writer.service';

/**
 * Retrieves the best knowledge-base articles and similar solved tickets for a ticket and writes a
 * grounded suggested reply; keeps the solved-tickets index in step with resolutions.
 */
@Processor(QueueName.RagResponse, workerOptions(QueueName.RagResponse))
export class SuggestResponseProcessor extends StageProcessor<typeof QueueName.RagResponse> {
  readonly queue = QueueName.RagResponse;
  readonly stage = Stage.RagResponse;
  protected readonly handlers: JobHandlers<typeof QueueName.RagResponse> = {
    [JobName.SuggestResponse]: (data, job) => this.suggest(data, job),
    [JobName.IndexSolvedTicket]: (data) => this.indexSolved(data),
  };

  constructor(
    protected readonly store: TicketStageStore,
    private readonly retriever: KnowledgeRetrieverService,
    private readonly solvedTickets: SolvedTicketRetriever,
    private readonly solvedIndexer: SolvedTicketIndexer,
    private readonly writer: ReplyWriter,
    @Inject(EMBEDDING_PROVIDER) private readonly embeddings: EmbeddingProvider,
  ) {
    super();
  }

  /** Solved tickets are indexed before the first job (kb/ is, by IndexKbProcessor): suggestions never come from a half-built index. */
  override async prepare(): Promise<void> {
    await this.solvedIndexer.reconcile();
  }

  private async indexSolved({ ticketId }: SolvedTicketJobData): Promise<{ solvedIndex: 'indexed' | 'removed' }> {
    return { solvedIndex: await this.solvedIndexer.sync(ticketId) };
  }

  private async suggest(data: TicketJobData, job: Job): Promise<{ confidence: number }> {
    const { ticketId, revision } = data;
    const { work } = await this.runStage(data, job, async (ticket) => {
      const language = ticket.language ?? 'en';
      // Masked before it is embedded: the embedding provider may be a remote service.
      const text = maskSensitive(`${ticket.subject}\n${ticket.description}`);
      const [embedding] = await this.embeddings.embed([text]);
      const query = { text, embedding, language, category: ticket.category };
      const [articles, solved] = await Promise.all([this.retriever.search(query), this.solvedTickets.search({ ...query, excludeTicketId: ticketId })]);
      const reply = await this.writer.write(ticket, language, mergeHits(articles, solved));
      return {
        result: reply,
        ticketPatch: {},
        event: {
          type: 'response-suggested',
          summary: reply.needsHuman
            ? `No confident answer in the knowledge base (${Math.round(reply.confidence * 100)}%): needs a human`
            : `Suggested a reply${reply.source === 'llm' ? ' written by the LLM' : ''} from ${sourceLabel(reply.sources[0])} (${Math.round(reply.confidence * 100)}%)`,
          data: { revision, needsHuman: reply.needsHuman, source: reply.source, sources: reply.sources.map(sourceLabel) },
        },
        effect: { kind: 'ticket-response', item: { ticketId, revision, ...reply }, write: writeResponses },
      };
    });
    return { confidence: work.result.confidence };
  }
}

type ResponseRow = Omit<TicketResponseEntity, 'id' | 'createdAt'>;

/** The suggestions committed together, in one statement (a re-run of a revision replaces its reply). */
async function writeResponses(manager: EntityManager, rows: ResponseRow[]): Promise<void> {
  // ON CONFLICT cannot touch a row twice in one statement: the last reply per ticket revision.
  const latest = [...new Map(rows.map((row) => [`${row.ticketId}/${row.revision}`, row])).values()];
  await manager
    .createQueryBuilder()
    .insert()
    .into(TicketResponseEntity)
    .values(latest as QueryDeepPartialEntity<TicketResponseEntity>[])
    .orUpdate(['body', 'language', 'confidence', 'source', 'needs_human', 'sources'], ['ticket_id', 'revision'])
    .execute();
}

/** How the timeline names a source: the kb article id, or the solved ticket's number. */
const sourceLabel = (source: ResponseSource): string => (source.kind === 'ticket' ? `ticket #${source.number}` : source.articleId);
