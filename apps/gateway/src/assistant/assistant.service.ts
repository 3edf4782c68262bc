import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Environment } from '@smartdesk/config';
import type { AssistantAnswer } from '@smartdesk/contracts';
import { AssistantToolHandlers, CHAT_MODEL, ChatModel, runAssistantTurn } from '@smartdesk/llm';
import type { Principal } from '../auth/principal';
import type { CreateTicketDto } from '../tickets/dto/create-ticket.dto';
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

/** The customer's message, stored together with the reply once the turn is done. */
type NewMessage = Omit<AssistantMessage, 'id' | 'createdAt'>;
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

  /** `language` may be null: class-validator's @IsOptional lets an explicit null through as "not given". */
  start(principal: Principal | undefined, language?: string | null) {
    return this.store.create(principal?.userId ?? null, language ?? 'en');
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
   * Stores the customer's message and the assistant's reply. Nothing is held while the model or a rag-worker
   * works (a slow LLM turn would pin a pooled connection and starve every other request): the reply is worked
   * out first; each write it makes (a ticket, a code check) locks the conversation row in its own short
   * transaction; the two messages are stored last, together, under the same lock, so they stay in order.
   */
  async reply(id: string, holder: Holder, principal: Principal | undefined, dto: AssistantMessageDto): Promise<Turn> {
    // A mailed code answers the assistant's own question: it is a status request whatever the words around it.
    const intent: Intent = dto.code ? { kind: 'ticket-status', number: null } : detectIntent(dto.text);
    const conversation = await this.access(id, holder);
    const question: NewMessage = { role: 'customer', body: dto.text, intent: intent.kind, confidence: null, source: null, citations: [] };
    const reply =
      (this.model && intent.kind !== 'solved' && !dto.code ? await this.llmReply(this.model, conversation, question, principal, dto) : undefined) ??
      (intent.kind === 'question' ? await this.answer(conversation, dto.text) : await this.replyTo(intent, conversation, question, principal, dto));
    return this.locked(id, async (current, manager) => {
      const stored = await this.store.addMessage(id, question, manager);
      const answer = await this.store.addMessage(
        id,
        { role: 'assistant', body: reply.body, intent: intent.kind, confidence: reply.confidence, source: reply.source, citations: reply.citations },
        manager,
      );
      const patch = { ...reply.patch, language: reply.language };
      await this.store.update(id, patch, manager);
      return { conversation: { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) }, question: stored, answer };
    });
  }

  /** A short transaction with the conversation row read afresh and locked: the writes that must not race go through it. */
  private locked<T>(id: string, work: (conversation: Conversation, manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const conversation = await this.store.lock(id, manager);
      if (!conversation) throw new NotFoundException(NOT_FOUND);
      return work(conversation, manager);
    });
  }

  private async replyTo(intent: Exclude<Intent, { kind: 'question' }>, conversation: Conversation, question: NewMessage, principal: Principal | undefined, dto: AssistantMessageDto): Promise<Reply> {
    const contact = dto.contact;
    const phrases = assistantPhrases(conversation.language);
    const rule = (body: string, patch?: Reply['patch']): Reply => ({ body, confidence: RULE_CONFIDENCE, source: 'rules', citations: [], patch });
    switch (intent.kind) {
      case 'solved':
        return rule(phrases.solved, conversation.status === 'open' ? { status: 'solved' } : undefined);
      case 'ticket-status': {
        if (!principal && dto.code) {
          const code = dto.code;
          // Locked, so concurrent guesses cannot each pass the same count of attempts.
          const checked = await this.locked(conversation.id, (_, manager) => this.verification.check(conversation.id, code, manager));
          if (!checked.ok) return rule(checked.reason === 'wrong' ? phrases.codeWrong : phrases.codeExpired);
          conversation = { ...conversation, verifiedTicketIds: [...conversation.verifiedTicketIds, checked.ticketId] };
        }
        const ticket = await this.ownTicket(intent.number, conversation, principal);
        if (ticket) return rule(phrases.status(`#${ticket.number}`, ticket.status));
        // An anonymous caller naming a ticket and its address gets a code by mail (if they match).
        if (!principal && intent.number !== null && contact && this.verification.available) {
          // No transaction: each statement stands alone, and no connection is held while the mail goes out.
          await this.verification.start(conversation.id, intent.number, contact.email, this.dataSource.manager);
          return rule(phrases.codeSent);
        }
        return rule(phrases.statusNotFound);
      }
      case 'open-ticket':
      case 'handover': {
        const handover = intent.kind === 'handover';
        if (!conversation.ticketId && !principal && !contact) return rule(phrases.needContact);
        const { ticket, created } = await this.ticketOf(conversation.id, question, principal, contact, handover);
        const ref = `#${ticket.number}`;
        if (!created) return rule(phrases.alreadyOpened(ref), handover ? { status: 'handed_over' } : undefined);
        return rule(handover ? phrases.handedOver(ref) : phrases.ticketOpened(ref));
      }
    }
  }

  /**
   * The LLM's reply, with the assistant's capabilities as tools acting as the caller; undefined when the
   * model fails (the offline rules answer instead). Confidence: the retrieval's when it searched, a rule's
   * when a tool acted, low when the model only wrote text.
   */
  private async llmReply(model: NonNullable<ChatModel>, conversation: Conversation, question: NewMessage, principal: Principal | undefined, dto: AssistantMessageDto): Promise<Reply | undefined> {
    const found: AssistantAnswer[] = [];
    const phrases = assistantPhrases(conversation.language);
    let opened: { ref: string; handover: boolean } | undefined;
    const open = async (handover: boolean, subject?: string, description?: string) => {
      if (!conversation.ticketId && !principal && !dto.contact) return { error: phrases.needContact };
      const { ticket, created } = await this.ticketOf(conversation.id, question, principal, dto.contact, handover, { subject, description });
      if (!created) return { error: 'a ticket is already open for this conversation', ticketNumber: ticket.number };
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
      get_ticket_status: async ({ ticketNumber }) => (await this.ownTicket(ticketNumber, conversation, principal)) ?? { error: "no ticket with that number among this customer's tickets" },
    };
    try {
      // The customer's message is not stored yet (it is, with the reply): the history is everything stored.
      const history = await this.store.messages(conversation.id);
      const turn = await runAssistantTurn(model, { language: conversation.language, history, message: dto.text }, handlers, this.env.LLM_TIMEOUT_MS);
      const best = found.sort((a, b) => b.confidence - a.confidence)[0];
      const acted = turn.calls.some((call) => call.ok && call.name !== 'search_knowledge_base');
      const confidence = best ? best.confidence : acted ? RULE_CONFIDENCE : UNGROUNDED_CONFIDENCE;
      return { body: turn.text, confidence, source: 'llm', citations: best?.citations ?? [], language: best?.language };
    } catch (error) {
      this.logger.warn(`LLM turn failed, answering offline: ${(error as Error).message}`);
      // A ticket the model opened before failing is told as the rules would, and never opened twice.
      if (!opened) return undefined;
      return { body: opened.handover ? phrases.handedOver(opened.ref) : phrases.ticketOpened(opened.ref), confidence: RULE_CONFIDENCE, source: 'rules', citations: [] };
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
  private async ownTicket(number: number | null, conversation: Conversation, principal: Principal | undefined): Promise<{ number: number; status: string } | undefined> {
    const [row] = principal
      ? await this.dataSource.query(`SELECT number::int, status FROM tickets WHERE customer_id = $1 AND ($2::bigint IS NULL OR number = $2) ORDER BY created_at DESC LIMIT 1`, [
          principal.userId,
          number,
        ])
      : await this.dataSource.query(`SELECT number::int, status FROM tickets WHERE (id = $1 OR id = ANY($3::uuid[])) AND ($2::bigint IS NULL OR number = $2) ORDER BY created_at DESC LIMIT 1`, [
          conversation.ticketId,
          number,
          conversation.verifiedTicketIds,
        ]);
    return row;
  }

  /**
   * The conversation's ticket: the one it has, or a new one through the intake (pipeline, SLA, routing). A new
   * ticket is stored and linked in one short transaction with the conversation row locked, so two messages
   * racing to open a ticket open one: the second finds the first.
   */
  private async ticketOf(
    conversationId: string,
    question: NewMessage,
    principal: Principal | undefined,
    contact: ContactDto | undefined,
    handover: boolean,
    written: { subject?: string; description?: string } = {},
  ): Promise<{ ticket: { id: string; number: number; status: string }; created: boolean }> {
    const outcome = await this.locked(conversationId, async (conversation, manager) => {
      if (conversation.ticketId) {
        const [ticket] = await manager.query(`SELECT id, number::int, status FROM tickets WHERE id = $1`, [conversation.ticketId]);
        return { ticket, created: false as const };
      }
      const submitted = await this.intake.submitWithin(manager, await this.ticketRequest(conversation, question, principal, contact, handover, written, manager), principal);
      await this.store.update(conversationId, { ticketId: submitted.ticket.id, status: handover ? 'handed_over' : 'ticket_opened' }, manager);
      return { ...submitted, created: true as const };
    });
    if (outcome.created) await outcome.announce();
    return outcome;
  }

  /** The ticket as the caller would write it, with the whole transcript (this message included) so the customer repeats nothing. */
  private async ticketRequest(
    conversation: Conversation,
    question: NewMessage,
    principal: Principal | undefined,
    contact: ContactDto | undefined,
    handover: boolean,
    written: { subject?: string; description?: string },
    manager: EntityManager,
  ): Promise<CreateTicketDto> {
    const messages = [...(await this.store.messages(conversation.id, manager)), question];
    const firstQuestion = messages.find((message) => message.role === 'customer' && message.intent === 'question') ?? question;
    const transcript = messages.map((message) => `${message.role === 'customer' ? 'Customer' : 'Assistant (machine-written)'}: ${message.body}`).join('\n\n');
    return {
      customerName: contact?.name ?? principal?.name ?? '',
      customerEmail: contact?.email ?? principal?.email ?? '',
      subject: (written.subject ?? firstQuestion.body).replace(/\s+/g, ' ').slice(0, SUBJECT_MAX),
      description: [written.description, `Conversation with the self-service assistant:\n\n${transcript}`].filter(Boolean).join('\n\n'),
      channel: 'chat',
      metadata: { assistant: { conversationId: conversation.id, handover }, language: conversation.language },
    };
  }
}
