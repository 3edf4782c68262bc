import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CustomerSource } from '@smartdesk/contracts';

export type ConversationStatus = 'open' | 'solved' | 'ticket_opened' | 'handed_over';

export interface Conversation {
  id: string;
  customerId: string | null;
  language: string;
  status: ConversationStatus;
  ticketId: string | null;
  /** Tickets an anonymous holder proved theirs with a mailed code. */
  verifiedTicketIds: string[];
  createdAt: Date;
}

export interface AssistantMessage {
  id: number;
  role: 'customer' | 'assistant';
  body: string;
  intent: string | null;
  /** Set on the assistant's messages: every machine answer says how sure it is and where it came from. */
  confidence: number | null;
  source: 'rules' | 'model' | 'llm' | null;
  citations: CustomerSource[];
  createdAt: Date;
}

/** Who is asking: a signed-in account, or whoever presents the conversation's token. */
export type Holder = { customerId: string } | { token: string | undefined };

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const CONVERSATION_COLUMNS = `id, customer_id AS "customerId", language, status, ticket_id AS "ticketId", verified_ticket_ids AS "verifiedTicketIds", created_at AS "createdAt"`;
const MESSAGE_COLUMNS = `id::int, role, body, intent, confidence, source, citations, created_at AS "createdAt"`;

/** The assistant's conversations in Postgres (assistant_conversations, assistant_messages). */
@Injectable()
export class ConversationStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A new conversation; an anonymous one gets a random token, returned once (only its hash is stored). */
  async create(customerId: string | null, language: string): Promise<{ conversation: Conversation; token?: string }> {
    const token = customerId ? undefined : randomBytes(32).toString('base64url');
    const [conversation] = await this.dataSource.query(`INSERT INTO assistant_conversations (customer_id, token_hash, language) VALUES ($1, $2, $3) RETURNING ${CONVERSATION_COLUMNS}`, [
      customerId,
      token ? hashToken(token) : null,
      language,
    ]);
    return { conversation, token };
  }

  /** The conversation when the holder may see it; undefined otherwise (the caller cannot tell "not yours" from "none"). */
  async find(id: string, holder: Holder): Promise<Conversation | undefined> {
    const owner = 'customerId' in holder ? `customer_id = $2` : `token_hash = $2`;
    const value = 'customerId' in holder ? holder.customerId : holder.token ? hashToken(holder.token) : null;
    if (value === null) return undefined;
    const [row] = await this.dataSource.query(`SELECT ${CONVERSATION_COLUMNS} FROM assistant_conversations WHERE id = $1 AND ${owner}`, [id, value]);
    return row;
  }

  /** The conversation read afresh and locked until `manager`'s transaction ends (access already checked with `find`). */
  async lock(id: string, manager: EntityManager): Promise<Conversation | undefined> {
    const [row] = await manager.query(`SELECT ${CONVERSATION_COLUMNS} FROM assistant_conversations WHERE id = $1 FOR UPDATE`, [id]);
    return row;
  }

  messages(conversationId: string, manager: EntityManager = this.dataSource.manager): Promise<AssistantMessage[]> {
    return manager.query(`SELECT ${MESSAGE_COLUMNS} FROM assistant_messages WHERE conversation_id = $1 ORDER BY id`, [conversationId]);
  }

  async addMessage(conversationId: string, message: Omit<AssistantMessage, 'id' | 'createdAt'>, manager: EntityManager = this.dataSource.manager): Promise<AssistantMessage> {
    const [row] = await manager.query(
      `INSERT INTO assistant_messages (conversation_id, role, body, intent, confidence, source, citations) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${MESSAGE_COLUMNS}`,
      [conversationId, message.role, message.body, message.intent, message.confidence, message.source, JSON.stringify(message.citations)],
    );
    return row;
  }

  async update(id: string, patch: { status?: ConversationStatus; language?: string; ticketId?: string }, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE assistant_conversations SET status = coalesce($2, status), language = coalesce($3, language), ticket_id = coalesce($4, ticket_id), updated_at = now() WHERE id = $1`, [
      id,
      patch.status ?? null,
      patch.language ?? null,
      patch.ticketId ?? null,
    ]);
  }
}
