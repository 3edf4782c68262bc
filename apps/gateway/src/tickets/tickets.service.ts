import { randomUUID } from 'node:crypto';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import { OutboxKind, OutboxPayload, Stage } from '@smartdesk/contracts';
import { TicketEntity, TicketEventEntity, TicketResponseEntity, TicketStageResultEntity, TicketStageStore } from '@smartdesk/database';
import { OutboxRelay } from '../outbox/outbox-relay.service';
import { CreateTicketDto } from './dto/create-ticket.dto';
import { ListTicketsQuery } from './dto/list-tickets.query';
import { ResolveTicketDto } from './dto/resolve-ticket.dto';

const SORT_COLUMN: Record<ListTicketsQuery['sort'], string> = {
  createdAt: 't.created_at',
  updatedAt: 't.updated_at',
  number: 't.number',
  // Priority sorts by severity, not alphabetically.
  priority: `array_position(ARRAY['low','normal','high','urgent']::varchar[], t.priority)`,
};

@Injectable()
export class TicketsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxRelay,
    private readonly store: TicketStageStore,
  ) {}

  /**
   * Stores the ticket, its outbox message and its first timeline event atomically, as one statement:
   * one round trip to Postgres instead of five (BEGIN, three INSERTs, COMMIT), which was most of the
   * gateway's CPU per ticket under load (see the README's Performance section).
   */
  async create(dto: CreateTicketDto): Promise<Pick<TicketEntity, 'id' | 'number' | 'status' | 'createdAt'>> {
    const id = randomUUID();
    const payload: OutboxPayload = { v: 1, ticketId: id, revision: 1 };
    const [row]: { id: string; number: string; status: TicketEntity['status']; created_at: Date }[] = await this.dataSource.query(
      `WITH ticket AS (
         INSERT INTO tickets (id, customer_name, customer_email, subject, description, channel, metadata)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, number, status, channel, created_at
       ), outbox AS (
         INSERT INTO outbox_messages (kind, payload) SELECT $8, $9 FROM ticket
       ), event AS (
         INSERT INTO ticket_events (ticket_id, stage, type, summary, dedupe_key)
         SELECT id, $10, 'received', 'Ticket #' || number || ' received via ' || channel, id || '.received' FROM ticket
       )
       SELECT id, number, status, created_at FROM ticket`,
      [id, dto.customerName, dto.customerEmail, dto.subject, dto.description, dto.channel ?? 'web', dto.metadata ?? {}, OutboxKind.TicketCreated, payload, Stage.Intake],
    );
    this.outbox.kick();
    return { id: row.id, number: Number(row.number), status: row.status, createdAt: row.created_at };
  }

  async list(query: ListTicketsQuery): Promise<{ items: TicketEntity[]; total: number; page: number; pageSize: number }> {
    const builder = this.dataSource.getRepository(TicketEntity).createQueryBuilder('t');
    const filters: [keyof ListTicketsQuery, string][] = [
      ['status', 't.status'],
      ['category', 't.category'],
      ['priority', 't.priority'],
      ['sentiment', 't.sentiment_label'],
      ['language', 't.language'],
      ['escalated', 't.escalated'],
    ];
    for (const [param, column] of filters) {
      if (query[param] !== undefined) builder.andWhere(`${column} = :${param}`, { [param]: query[param] });
    }
    if (query.q) {
      builder.andWhere(
        new Brackets((where) =>
          where.where(`to_tsvector('simple', t.subject || ' ' || t.description) @@ websearch_to_tsquery('simple', :q)`, { q: query.q }),
        ),
      );
    }
    builder.orderBy(SORT_COLUMN[query.sort], query.order.toUpperCase() as 'ASC' | 'DESC', 'NULLS LAST');
    // Ties fall back to the newest ticket (TypeORM keys the order by column, so not when sorting by number).
    if (query.sort !== 'number') builder.addOrderBy('t.number', 'DESC');
    const [items, total] = await builder
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string) {
    const ticket = await this.findOrFail(id);
    const [stages, latestResponse, timeline] = await Promise.all([
      this.dataSource.getRepository(TicketStageResultEntity).findBy({ ticketId: id }),
      this.dataSource.getRepository(TicketResponseEntity).findOne({ where: { ticketId: id }, order: { revision: 'DESC' } }),
      this.dataSource.getRepository(TicketEventEntity).find({ where: { ticketId: id }, order: { createdAt: 'ASC', id: 'ASC' } }),
    ]);
    const byStage = Object.fromEntries(stages.map((stage) => [stage.stage, { ...stage.result, revision: stage.revision, durationMs: stage.durationMs, updatedAt: stage.updatedAt }]));
    return {
      ...ticket,
      results: {
        categorization: byStage[Stage.Categorization] ?? null,
        sentiment: byStage[Stage.Sentiment] ?? null,
        escalation: byStage[Stage.Escalation] ?? null,
      },
      suggestedResponse: latestResponse,
      timeline,
    };
  }

  /** Bumps the ticket's revision and queues a new response for it (through the outbox). */
  async requestResponse(id: string): Promise<{ ticketId: string; revision: number; status: 'queued'; location: string }> {
    const revision = await this.dataSource.transaction(async (manager) => {
      // TypeORM returns [rows, affectedCount] for an UPDATE ... RETURNING.
      const [rows]: [{ revision: number; status: string }[], number] = await manager.query(
        `UPDATE tickets SET revision = revision + 1, updated_at = now() WHERE id = $1 RETURNING revision, status`,
        [id],
      );
      if (rows.length === 0) throw new NotFoundException(`ticket ${id} not found`);
      if (rows[0].status === 'resolved') throw new ConflictException(`ticket ${id} is resolved; reopen it before asking for a new response`);
      const next = rows[0].revision;
      await this.outbox.enqueue(manager, OutboxKind.ResponseRequested, { v: 1, ticketId: id, revision: next });
      await this.store.appendEvent(
        { ticketId: id, stage: Stage.Agent, type: 'response-requested', summary: `New smart response requested (revision ${next})`, dedupeKey: `${id}.response-requested.r${next}` },
        manager,
      );
      return next;
    });
    this.outbox.kick();
    return { ticketId: id, revision, status: 'queued', location: `/api/tickets/${id}/responses/${revision}` };
  }

  async response(id: string, revision: number): Promise<TicketResponseEntity | null> {
    const ticket = await this.findOrFail(id);
    if (revision < 1 || revision > ticket.revision) throw new NotFoundException(`ticket ${id} has no response revision ${revision}`);
    return this.dataSource.getRepository(TicketResponseEntity).findOneBy({ ticketId: id, revision });
  }

  async resolve(id: string, dto: ResolveTicketDto): Promise<TicketEntity> {
    return this.dataSource.transaction(async (manager) => {
      const ticket = await manager.findOne(TicketEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!ticket) throw new NotFoundException(`ticket ${id} not found`);
      if (ticket.status === 'resolved') throw new ConflictException(`ticket ${id} was already resolved by ${ticket.resolvedBy} at ${ticket.resolvedAt?.toISOString()}`);
      Object.assign(ticket, { status: 'resolved', resolution: dto.resolution, resolvedBy: dto.resolvedBy, resolvedAt: new Date() });
      await manager.save(ticket);
      await this.store.appendEvent(
        { ticketId: id, stage: Stage.Agent, type: 'resolved', summary: `Resolved by ${dto.resolvedBy}`, data: { resolution: dto.resolution }, dedupeKey: `${id}.resolved` },
        manager,
      );
      return ticket;
    });
  }

  private async findOrFail(id: string): Promise<TicketEntity> {
    const ticket = await this.dataSource.getRepository(TicketEntity).findOneBy({ id });
    if (!ticket) throw new NotFoundException(`ticket ${id} not found`);
    return ticket;
  }
}
