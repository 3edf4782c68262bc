import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Environment } from '@smartdesk/config';
import type { AssistantAnswer } from '@smartdesk/contracts';
import { AssistantToolHandlers, CHAT_MODEL, ChatModel, runAssistantTurn } from '@smartdesk/llm';
import type { Principal } from '../auth/principal';
import { TicketIntake } from '../tickets/ticket-intake.service';
import { assistantPhrases } from './assistant-phrases';
import { AssistantMessage, Conversation, ConversationStore, Holder } from './conversation.store';
import { AssistantMessageDto, ContactDto } from './dto/assistant-message.dto';
import { detectIntent, Intent } from './intent-rules';
import { QuestionAnswerer } from './question-answerer.service';
import { StatusVerification } from './status-verification.service';

export interface Turn {
  conversation: Conversation;
  question: AssistantMessage;
  answer: AssistantMessage;
}

type Reply = Pick<AssistantMessage, 'body' | 'confidence' | 'source' | 'citations'> & { language?: string; patch?: Parameters<ConversationStore['update']>[1] };

const NOT_FOUND = 'No such conversation, or not one the caller may see';
/** An intent rule that matched is as sure as a rule gets; the rules are listed, not learned. */
const RULE_CONFIDENCE = 0.9;
const SUBJECT_MAX = 300;
/** A model's text that no search grounded and no tool confirmed. */
const UNGROUNDED_CONFIDENCE = 0.3;

/** Who may read a conversation: its signed-in owner, or the holder of its token. */
export function holderOf(principal: Principal | undefined, token: string | undefined): Holder {
  return principal ? { customerId: principal.userId } : { token };
}

/**
 * The self-service assistant, offline: intent rules for tickets, status, handover and thanks; every other
 * message is a question the rag-worker answers from kb/ articles (QuestionAnswerer). Tickets it opens go
 * through the normal intake, carrying the transcript, and act as the caller (their account, or the contact given).
 */
@Injectable()
export class AssistantService {
  private readonly logger = new Logger(AssistantService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: ConversationStore,
    private readonly answerer: QuestionAnswerer,
    private readonly intake: TicketIntake,
    private readonly verification: StatusVerification,
    @Inject(CHAT_MODEL) private readonly model: ChatModel,
    private readonly env: Environment,
  ) {}

  start(principal: Principal | undefined, language = 'en') {
    return this.store.create(principal?.userId ?? null, language);
  }

  async read(id: string, holder: Holder): Promise<{ conversation: Conversation; messages: AssistantMessage[] }> {
    const conversation = await this.access(id, holder);
    return { conversation, messages: await this.store.messages(id) };
  }

  /** Checks access before anything is stored, so a caller streaming the reply gets its 404 as a status code. */
  async access(id: string, holder: Holder): Promise<Conversation> {
    const conversation = await this.store.find(id, holder);
    if (!conversation) throw new NotFoundException(NOT_FOUND);
    return conversation;
  }

  /**
   * Stores the customer's message and the assistant's reply. A question is answered before the turn's
   * transaction (no connection is held while a rag-worker works); the rest runs with the conversation row
   * locked, so two messages of one conversation never open two tickets.
   */
  async reply(id: string, holder: Holder, principal: Principal | undefined, dto: AssistantMessageDto): Promise<Turn> {
    // A mailed code answers the assistant's own question: it is a status request whatever the words around it.
    const intent: Intent = dto.code ? { kind: 'ticket-status', number: null } : detectIntent(dto.text);
    const offlineQuestion = intent.kind === 'question' && !this.model;
    const answered = offlineQuestion ? await this.answer(await this.access(id, holder), dto.text) : undefined;
    return this.dataSource.transaction(async (manager) => {
      const conversation = await this.store.find(id, holder, manager, true);
      if (!conversation) throw new NotFoundException(NOT_FOUND);
      const question = await this.store.addMessage(id, { role: 'customer', body: dto.text, intent: intent.kind, confidence: null, source: null, citations: [] }, manager);
      const reply =
        answered ??
        (this.model && intent.kind !== 'solved' && !dto.code ? await this.llmReply(this.model, conversation, principal, dto, manager) : undefined) ??
        (intent.kind === 'question' ? await this.answer(conversation, dto.text) : await this.replyTo(intent, conversation, principal, dto, manager));
      const answer = await this.store.addMessage(id, { role: 'assistant', body: reply.body, intent: intent.kind, confidence: reply.confidence, source: reply.source, citations: reply.citations }, manager);
      const patch = { ...reply.patch, language: reply.language };
      await this.store.update(id, patch, manager);
      return { conversation: { ...conversation, ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) }, question, answer };
    });
  }

  private async replyTo(intent: Exclude<Intent, { kind: 'question' }>, conversation: Conversation, principal: Principal | undefined, dto: AssistantMessageDto, manager: EntityManager): Promise<Reply> {
    const contact = dto.contact;
    const phrases = assistantPhrases(conversation.language);
    const rule = (body: string, patch?: Reply['patch']): Reply => ({ body, confidence: RULE_CONFIDENCE, source: 'rules', citations: [], patch });
    switch (intent.kind) {
      case 'solved':
        return rule(phrases.solved, conversation.status === 'open' ? { status: 'solved' } : undefined);
      case 'ticket-status': {
        if (!principal && dto.code) {
          const checked = await this.verification.check(conversation.id, dto.code, manager);
          if (!checked.ok) return rule(checked.reason === 'wrong' ? phrases.codeWrong : phrases.codeExpired);
          conversation = { ...conversation, verifiedTicketIds: [...conversation.verifiedTicketIds, checked.ticketId] };
        }
        const ticket = await this.ownTicket(intent.number, conversation, principal, manager);
        if (ticket) return rule(phrases.status(`#${ticket.number}`, ticket.status));
        // An anonymous caller naming a ticket and its address gets a code by mail (if they match).
        if (!principal && intent.number !== null && contact && this.verification.available) {
          await this.verification.start(conversation.id, intent.number, contact.email, manager);
          return rule(phrases.codeSent);
        }
        return rule(phrases.statusNotFound);
      }
      case 'open-ticket':
      case 'handover': {
        const handover = intent.kind === 'handover';
        if (conversation.ticketId) {
          const [opened] = await manager.query(`SELECT number FROM tickets WHERE id = $1`, [conversation.ticketId]);
          return rule(phrases.alreadyOpened(`#${opened.number}`), handover ? { status: 'handed_over' } : undefined);
        }
        if (!principal && !contact) return rule(phrases.needContact);
        const ticket = await this.openTicket(conversation, principal, contact, handover, manager);
        const ref = `#${ticket.number}`;
        return rule(handover ? phrases.handedOver(ref) : phrases.ticketOpened(ref), { status: handover ? 'handed_over' : 'ticket_opened', ticketId: ticket.id });
      }
    }
  }

  /**
   * The LLM's reply, with the assistant's capabilities as tools acting as the caller; undefined when the
   * model fails (the offline rules answer instead). Confidence: the retrieval's when it searched, a rule's
   * when a tool acted, low when the model only wrote text.
   */
  private async llmReply(model: NonNullable<ChatModel>, conversation: Conversation, principal: Principal | undefined, dto: AssistantMessageDto, manager: EntityManager): Promise<Reply | undefined> {
    const found: AssistantAnswer[] = [];
    const patch: Reply['patch'] = {};
    const phrases = assistantPhrases(conversation.language);
    let opened: { ref: string; handover: boolean } | undefined;
    const open = async (handover: boolean, subject?: string, description?: string) => {
      const current = { ...conversation, ticketId: patch.ticketId ?? conversation.ticketId };
      if (current.ticketId) return { error: 'a ticket is already open for this conversation' };
      if (!principal && !dto.contact) return { error: phrases.needContact };
      const ticket = await this.openTicket(current, principal, dto.contact, handover, manager, { subject, description });
      Object.assign(patch, { ticketId: ticket.id, status: handover ? 'handed_over' : 'ticket_opened' });
      opened = { ref: `#${ticket.number}`, handover };
      return { ticketNumber: ticket.number, status: ticket.status };
    };
    const handlers: AssistantToolHandlers = {
      search_knowledge_base: async ({ query }) => {
        const answer = await this.answerer.answer({ question: query, languageHint: conversation.language }, `${conversation.id}.answer.${randomUUID()}`);
        if (!answer?.answered) return { found: false };
        found.push(answer);
        return { found: true, confidence: answer.confidence, answer: answer.body, citations: answer.citations };
      },
      create_ticket: ({ subject, description }) => open(false, subject, description),
      hand_over: ({ reason }) => open(true, undefined, reason),
      get_ticket_status: async ({ ticketNumber }) => (await this.ownTicket(ticketNumber, conversation, principal, manager)) ?? { error: "no ticket with that number among this customer's tickets" },
    };
    try {
      const history = (await this.store.messages(conversation.id, manager)).slice(0, -1);
      const turn = await runAssistantTurn(model, { language: conversation.language, history, message: dto.text }, handlers, this.env.LLM_TIMEOUT_MS);
      const best = found.sort((a, b) => b.confidence - a.confidence)[0];
      const acted = turn.calls.some((call) => call.ok && call.name !== 'search_knowledge_base');
      const confidence = best ? best.confidence : acted ? RULE_CONFIDENCE : UNGROUNDED_CONFIDENCE;
      return { body: turn.text, confidence, source: 'llm', citations: best?.citations ?? [], patch, language: best?.language };
    } catch (error) {
      this.logger.warn(`LLM turn failed, answering offline: ${(error as Error).message}`);
      // A ticket the model opened before failing is told as the rules would, and never opened twice.
      if (!opened) return undefined;
      return { body: opened.handover ? phrases.handedOver(opened.ref) : phrases.ticketOpened(opened.ref), confidence: RULE_CONFIDENCE, source: 'rules', citations: [], patch };
    }
  }

  private async answer(conversation: Conversation, question: string): Promise<Reply> {
    const answer: AssistantAnswer | undefined = await this.answerer.answer({ question, languageHint: conversation.language }, `${conversation.id}.answer.${randomUUID()}`);
    if (!answer) return { body: assistantPhrases(conversation.language).unavailable, confidence: 0, source: 'rules', citations: [] };
    const body = answer.answered ? answer.body : assistantPhrases(answer.language).notKnown;
    return { body, confidence: answer.confidence, source: answer.source, citations: answer.answered ? answer.citations : [], language: answer.language };
  }

  /**
   * The caller's own ticket: a signed-in customer's by number (or their latest), an anonymous caller's
   * only the one this conversation opened or one they proved theirs with a mailed code. Anyone else's ticket is "not found", never confirmed.
   */
  private async ownTicket(number: number | null, conversation: Conversation, principal: Principal | undefined, manager: EntityManager): Promise<{ number: number; status: string } | undefined> {
    const [row] = principal
      ? await manager.query(`SELECT number::int, status FROM tickets WHERE customer_id = $1 AND ($2::bigint IS NULL OR number = $2) ORDER BY created_at DESC LIMIT 1`, [principal.userId, number])
      : await manager.query(`SELECT number::int, status FROM tickets WHERE (id = $1 OR id = ANY($3::uuid[])) AND ($2::bigint IS NULL OR number = $2) ORDER BY created_at DESC LIMIT 1`, [
          conversation.ticketId,
          number,
          conversation.verifiedTicketIds,
        ]);
    return row;
  }

  /** A ticket through the normal intake (pipeline, SLA, routing), with the whole transcript so the customer repeats nothing. */
  private async openTicket(
    conversation: Conversation,
    principal: Principal | undefined,
    contact: ContactDto | undefined,
    handover: boolean,
    manager: EntityManager,
    written: { subject?: string; description?: string } = {},
  ) {
    const messages = await this.store.messages(conversation.id, manager);
    const firstQuestion = messages.find((message) => message.role === 'customer' && message.intent === 'question') ?? messages[messages.length - 1];
    const transcript = messages.map((message) => `${message.role === 'customer' ? 'Customer' : 'Assistant (machine-written)'}: ${message.body}`).join('\n\n');
    const { ticket } = await this.intake.submit(
      {
        customerName: contact?.name ?? principal?.name ?? '',
        customerEmail: contact?.email ?? principal?.email ?? '',
        subject: (written.subject ?? firstQuestion.body).replace(/\s+/g, ' ').slice(0, SUBJECT_MAX),
        description: [written.description, `Conversation with the self-service assistant:\n\n${transcript}`].filter(Boolean).join('\n\n'),
        channel: 'chat',
        metadata: { assistant: { conversationId: conversation.id, handover }, language: conversation.language },
      },
      principal,
    );
    return ticket;
  }
}
