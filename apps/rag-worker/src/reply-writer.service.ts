import { Inject, Injectable, Logger } from '@nestjs/common';
import { Environment } from '@smartdesk/config';
import type { ResponseSuggestion } from '@smartdesk/contracts';
import type { TicketEntity } from '@smartdesk/database';
import { composeReply, frameReply, handoverReply, KnowledgeHit, sourceText, suggestion } from '@smartdesk/knowledge';
import { CHAT_MODEL, ChatModel, writeGroundedAnswer } from '@smartdesk/llm';
import { englishPivot } from '@smartdesk/nlp';
import { plainText } from '@smartdesk/privacy';

type TicketText = Pick<TicketEntity, 'customerName' | 'subject' | 'description'>;

/**
 * Writes the suggested reply from the retrieved sources: offline by default; with an LLM configured, an
 * answer the model writes from the same sources, checked, and replaced by the offline reply whenever the
 * model fails, is slow, or cites nothing that exists. Confidence always comes from the retrieval evidence.
 */
@Injectable()
export class ReplyWriter {
  private readonly logger = new Logger(ReplyWriter.name);

  constructor(
    @Inject(CHAT_MODEL) private readonly model: ChatModel,
    private readonly env: Environment,
  ) {}

  async write(ticket: TicketText, language: string, hits: KnowledgeHit[]): Promise<ResponseSuggestion> {
    const readableShare = englishPivot(`${ticket.subject}\n${ticket.description}`).coverage;
    const context = { customerName: ticket.customerName, subject: ticket.subject, language, readableShare };
    const offline = composeReply(context, hits, this.env.RESPONSE_MIN_CONFIDENCE);
    // Too little evidence to answer from: a person follows up, and no model is asked to try.
    if (!this.model || offline.needsHuman) return offline;
    try {
      const answer = await writeGroundedAnswer(this.model, { language, ticket: { subject: ticket.subject, description: ticket.description }, sources: hits.map(sourceText) }, this.env.LLM_TIMEOUT_MS);
      if (answer.kind === 'no-answer') {
        // The model read the sources and found no answer: trust the evidence less and hand over.
        return { ...handoverReply(context, hits, Math.round((offline.confidence / 2) * 1000) / 1000), source: 'llm' };
      }
      if (answer.kind === 'uncited') {
        this.logger.warn(`LLM answer cited no existing source (cited ${JSON.stringify(answer.dropped)} of ${hits.length}): offline reply used`);
        return offline;
      }
      if (answer.dropped.length > 0) this.logger.warn(`LLM answer cited missing sources ${JSON.stringify(answer.dropped)}: those citations were removed`);
      // A model may echo markup from a ticket: the reply stays plain text.
      return suggestion(context, hits, { body: frameReply(context, [plainText(answer.text)]), confidence: offline.confidence, source: 'llm', needsHuman: false });
    } catch (error) {
      this.logger.warn(`LLM reply failed (${(error as Error).message}): offline reply used`);
      return offline;
    }
  }
}
