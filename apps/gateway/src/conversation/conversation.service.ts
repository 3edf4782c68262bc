import { ConflictException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  MacroEntity,
  MESSAGE_KINDS,
  MessageKind,
  PUBLIC_MESSAGE_KINDS,
  statusAfterMessage,
  SuggestionUse,
  TicketEntity,
  TicketMessageEntity,
  TicketResponseEntity,
  TimelineEvent,
} from '@smartdesk/database';
import { OutboundMail } from '@smartdesk/channels';
import type { Principal } from '../auth/principal';
import { invalidFields } from '../http-setup';
import { stageOf, TicketChanges } from '../tickets/ticket-changes.service';
import { transition } from '../tickets/ticket-transition';
import { PostMessageDto, STAFF_MESSAGE_FIELDS } from './dto/post-message.dto';
import { customerMessageView, MESSAGE_SELECT, MessageRow, staffMessageView } from './message-views';
import { SuggestionFeedbackService } from './suggestion-feedback.service';
import { nextSuggestionUse } from './suggestion-use';

const POSTED: Record<MessageKind, { type: string; label: string }> = {
  customer: { type: 'customer-replied', label: 'Customer message' },
  reply: { type: 'agent-replied', label: 'Public reply' },
  note: { type: 'note-added', label: 'Internal note' },
};

/** Whitespace differences alone do not make a suggestion "edited". */
const sameText = (a: string, b: string) => a.trim().replace(/\s+/g, ' ') === b.trim().replace(/\s+/g, ' ');

/** A ticket's conversation: customer messages, public replies and internal notes that customers never see. */
@Injectable()
export class ConversationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: TicketChanges,
    private readonly feedback: SuggestionFeedbackService,
    private readonly mail: OutboundMail,
  ) {}

  async list(principal: Principal, ticketId: string) {
    await this.changes.findVisible(this.dataSource.manager, principal, ticketId);
    const isCustomer = principal.role === 'customer';
    const rows: MessageRow[] = await this.dataSource.query(`${MESSAGE_SELECT} WHERE m.ticket_id = $1 AND m.kind = ANY($2) ORDER BY m.created_at, m.id`, [
      ticketId,
      isCustomer ? PUBLIC_MESSAGE_KINDS : MESSAGE_KINDS,
    ]);
    return isCustomer ? rows.map(customerMessageView) : rows.map(staffMessageView);
  }

  /** Stores the message and moves the ticket on (reopen, open) in one audited transaction. */
  async post(principal: Principal, ticketId: string, dto: PostMessageDto) {
    const isCustomer = principal.role === 'customer';
    if (isCustomer) {
      const staffOnly = STAFF_MESSAGE_FIELDS.filter((field) => dto[field] !== undefined);
      if (staffOnly.length) throw invalidFields(staffOnly.map((field) => ({ field, problems: ['only staff may send this'] })));
    }
    const kind: MessageKind = isCustomer ? 'customer' : dto.internal ? 'note' : 'reply';
    if (kind === 'note' && dto.suggestionRevision !== undefined) {
      throw invalidFields([{ field: 'suggestionRevision', problems: ['a suggested response is sent as a public reply, not as a note'] }]);
    }
    const { ticket, result: messageId } = await this.changes.run(principal, ticketId, undefined, async ({ ticket, manager, nextVersion }) => {
      if (kind !== 'note' && ticket.status === 'closed') throw new ConflictException(`ticket ${ticketId} is closed: write a new ticket instead`);
      const suggestion = dto.suggestionRevision === undefined ? null : await this.suggestionOrFail(manager, ticketId, dto.suggestionRevision);
      if (dto.macroId !== undefined && !(await manager.existsBy(MacroEntity, { id: dto.macroId }))) {
        throw new UnprocessableEntityException(`macro ${dto.macroId} does not exist`);
      }
      const suggestionUse = suggestion ? (sameText(suggestion.body, dto.body) ? 'accepted' : 'edited') : null;
      const inserted = await manager.insert(TicketMessageEntity, {
        ticketId,
        authorId: principal.userId,
        kind,
        body: dto.body,
        responseId: suggestion?.id ?? null,
        suggestionUse,
        macroId: dto.macroId ?? null,
      });
      const id: string = inserted.identifiers[0].id;
      const stage = stageOf(principal);
      const events: Omit<TimelineEvent, 'ticketId'>[] = [
        { stage, type: POSTED[kind].type, summary: `${POSTED[kind].label} by ${principal.email}`, data: { messageId: id }, dedupeKey: `${id}.posted` },
      ];
      if (suggestion && suggestionUse) {
        await this.feedback.recordReply(manager, ticket, suggestion, principal, suggestionUse);
        events.push({
          stage,
          type: `suggestion-${suggestionUse}`,
          summary: `Suggested response revision ${suggestion.revision} ${suggestionUse} by ${principal.email}`,
          confidence: suggestion.confidence,
          data: { messageId: id, revision: suggestion.revision, responseId: suggestion.id },
          dedupeKey: `${id}.suggestion`,
        });
      }
      const firstResponse = kind === 'reply';
      const facts = firstResponse ? await this.suggestionFacts(manager, ticket, suggestionUse) : {};
      // The customer hears of a public reply by email too (when customer mail is configured).
      const outbox = kind === 'reply' ? await this.mail.queue(manager, ticket, { kind: 'reply', ticketMessageId: id, body: dto.body }) : [];
      const next = statusAfterMessage(kind, ticket.status);
      if (!next) return { events, firstResponse, facts, outbox, result: id };
      const change = transition(ticket, next, principal);
      events.push({ ...change.event, stage, dedupeKey: `${ticketId}.v${nextVersion}.${change.event.type}` });
      return { patch: change.patch, events, firstResponse, facts, outbox, result: id };
    });
    const [row]: MessageRow[] = await this.dataSource.query(`${MESSAGE_SELECT} WHERE m.id = $1`, [messageId]);
    const message = isCustomer ? customerMessageView(row) : staffMessageView(row);
    return { ...message, ticket: isCustomer ? { status: ticket.status } : { status: ticket.status, version: ticket.version } };
  }

  /** The ticket's suggestion use after this public reply (for analytics). */
  private async suggestionFacts(manager: EntityManager, ticket: TicketEntity, reply: SuggestionUse | null): Promise<Partial<TicketEntity>> {
    const offered = reply !== null || (await manager.existsBy(TicketResponseEntity, { ticketId: ticket.id }));
    const suggestionUse = nextSuggestionUse(ticket.suggestionUse, reply, offered);
    return suggestionUse === ticket.suggestionUse ? {} : { suggestionUse };
  }

  private async suggestionOrFail(manager: EntityManager, ticketId: string, revision: number): Promise<TicketResponseEntity> {
    const suggestion = await manager.findOneBy(TicketResponseEntity, { ticketId, revision });
    if (!suggestion) throw new UnprocessableEntityException(`ticket ${ticketId} has no suggested response revision ${revision}`);
    return suggestion;
  }
}
