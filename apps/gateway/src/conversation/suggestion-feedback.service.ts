import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SuggestionFeedbackEntity, SuggestionOutcome, TicketEntity, TicketResponseEntity } from '@smartdesk/database';
import type { Principal } from '../auth/principal';
import { stageOf, TicketChanges } from '../tickets/ticket-changes.service';
import { SuggestionFeedbackDto } from './dto/suggestion-feedback.dto';

/**
 * Agents' word on suggested responses, one per agent and suggestion: said here, or recorded from a reply that
 * started from the suggestion (what was sent is the stronger evidence, so a reply overrides what was said).
 * Acceptance by category in GET /api/stats counts these rows.
 */
@Injectable()
export class SuggestionFeedbackService {
  constructor(private readonly changes: TicketChanges) {}

  /** An agent's explicit outcome for a suggestion; 404 for an unknown revision, 409 when this agent already gave one. */
  async give(principal: Principal, ticketId: string, revision: number, dto: SuggestionFeedbackDto): Promise<SuggestionFeedbackEntity> {
    const { result } = await this.changes.run(principal, ticketId, undefined, async ({ ticket, manager }) => {
      const suggestion = await manager.findOneBy(TicketResponseEntity, { ticketId, revision });
      if (!suggestion) throw new NotFoundException(`ticket ${ticketId} has no suggested response revision ${revision}`);
      const earlier = await manager.findOneBy(SuggestionFeedbackEntity, { responseId: suggestion.id, agentId: principal.userId });
      if (earlier) {
        throw new ConflictException({
          statusCode: 409,
          error: 'Conflict',
          message: `${principal.email} already recorded revision ${revision} as ${earlier.outcome}${earlier.origin === 'reply' ? ' by replying with it' : ''}`,
          feedback: { id: earlier.id, outcome: earlier.outcome, origin: earlier.origin },
        });
      }
      const repository = manager.getRepository(SuggestionFeedbackEntity);
      const saved = await repository.save(repository.create({ ...this.row(ticket, suggestion, principal, dto.outcome), reason: dto.reason?.trim() ?? null, origin: 'feedback' }));
      const reason = saved.reason ? `: ${saved.reason}` : '';
      return {
        events: [
          {
            stage: stageOf(principal),
            type: 'suggestion-feedback',
            summary: `Suggested response revision ${revision} ${dto.outcome} by ${principal.email}${reason}`,
            confidence: suggestion.confidence,
            data: { feedbackId: saved.id, revision, outcome: saved.outcome, reason: saved.reason },
            dedupeKey: `${saved.id}.feedback`,
          },
        ],
        result: saved,
      };
    });
    return result;
  }

  /** What a reply made of the suggestion it started from, within the reply's transaction. */
  async recordReply(manager: EntityManager, ticket: TicketEntity, suggestion: TicketResponseEntity, principal: Principal, outcome: SuggestionOutcome): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(SuggestionFeedbackEntity)
      .values({ ...this.row(ticket, suggestion, principal, outcome), origin: 'reply' })
      .orUpdate(['outcome', 'origin', 'category', 'updated_at'], ['response_id', 'agent_id'])
      .execute();
  }

  private row(ticket: TicketEntity, suggestion: TicketResponseEntity, principal: Principal, outcome: SuggestionOutcome) {
    return { ticketId: ticket.id, responseId: suggestion.id, revision: suggestion.revision, agentId: principal.userId, outcome, category: ticket.category };
  }
}
