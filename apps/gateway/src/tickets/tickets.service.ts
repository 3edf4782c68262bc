import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, SelectQueryBuilder } from 'typeorm';
import { OutboxKind, Stage } from '@smartdesk/contracts';
import { SlaClockEntity, TicketEntity, TicketEventEntity, TicketRatingEntity, TicketResponseEntity, TicketStageResultEntity, TicketStageStore, transactionAs } from '@smartdesk/database';
import { maskSensitive, maskSensitiveValues } from '@smartdesk/privacy';
import { auditActor, Principal } from '../auth/principal';
import { Page } from '../common/page.query';
import { ticketRelations } from '../merging/ticket-relations.query';
import { FieldProblem, invalidFields } from '../http-setup';
import { OutboxRelay } from '@smartdesk/channels';
import { ListTicketsQuery } from './dto/list-tickets.query';
import { TicketChanges } from './ticket-changes.service';
import { decodeCursor, encodeCursor, SORT_KEY, TicketListCursor } from './ticket-list-cursor';
import { ticketScope } from './ticket-scope';
import { customerTicketView, CustomerTicketView, maskedResponse, maskedTicket, STAFF_ONLY_FILTERS } from './ticket-views';

const FILTER_COLUMN: [keyof ListTicketsQuery, string][] = [
  ['status', 't.status'],
  ['category', 't.category'],
  ['priority', 't.priority'],
  ['sentiment', 't.sentiment_label'],
  ['language', 't.language'],
  ['escalated', 't.escalated'],
  ['teamId', 't.team_id'],
  ['assigneeId', 't.assignee_id'],
];

/** A clock that is running (not paused or stopped), has passed its at-risk point and has not breached yet: the ticket breaches soon. */
const SLA_AT_RISK = `SELECT 1 FROM sla_clocks c WHERE c.ticket_id = t.id AND c.running_since IS NOT NULL AND c.at_risk_at IS NOT NULL AND c.breached_at IS NULL`;

@Injectable()
export class TicketsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxRelay,
    private readonly store: TicketStageStore,
    private readonly changes: TicketChanges,
  ) {}

  async list(query: ListTicketsQuery, principal: Principal): Promise<Page<TicketEntity | CustomerTicketView> & { nextCursor: string | null }> {
    const isCustomer = principal.role === 'customer';
    if (isCustomer) refuseStaffFilters(query);
    if (query.after !== undefined && query.page !== 1) throw invalidFields([{ field: 'after', problems: ['give either page or after, not both'] }]);
    const cursor = query.after === undefined ? undefined : decodeCursor(query.after, query.sort);
    const scope = ticketScope(principal);
    const builder = this.dataSource.getRepository(TicketEntity).createQueryBuilder('t').where(scope.where, scope.params);
    for (const [param, column] of FILTER_COLUMN) {
      if (query[param] !== undefined) builder.andWhere(`${column} = :${param}`, { [param]: query[param] });
    }
    if (query.slaAtRisk !== undefined) builder.andWhere(`${query.slaAtRisk ? '' : 'NOT '}EXISTS (${SLA_AT_RISK})`);
    if (query.q) {
      builder.andWhere(new Brackets((where) => where.where(`to_tsvector('simple', t.subject || ' ' || t.description) @@ websearch_to_tsquery('simple', :q)`, { q: query.q })));
    }
    // Counted apart from the page, at the same time (and COUNT(*), not getManyAndCount's COUNT(DISTINCT id)).
    const count = builder.clone().select('COUNT(*)::int', 'total').getRawOne<{ total: number }>();
    const [page, counted] = await Promise.all([this.pageOf(builder, query, cursor), count]);
    return {
      items: isCustomer ? page.items.map(customerTicketView) : page.items.map(maskedTicket),
      total: counted!.total,
      page: query.page,
      pageSize: query.pageSize,
      nextCursor: page.nextCursor,
    };
  }

  /**
   * One page in the query's sort, ties broken by number in the same direction: after a cursor (an index range
   * scan from there, as fast at page 4,000 as at page 1) or at an offset. One row more than the page tells
   * whether a next page exists.
   */
  private async pageOf(builder: SelectQueryBuilder<TicketEntity>, query: ListTicketsQuery, cursor: TicketListCursor | undefined): Promise<{ items: TicketEntity[]; nextCursor: string | null }> {
    const key = SORT_KEY[query.sort];
    const direction = query.order === 'asc' ? 'ASC' : 'DESC';
    if (cursor) {
      const beyond = direction === 'ASC' ? '>' : '<';
      builder.andWhere(key ? `(${key.expression}, t.number) ${beyond} (${key.fromCursor}, :cursorNumber)` : `t.number ${beyond} :cursorNumber`, {
        cursorKey: cursor.key,
        cursorNumber: cursor.number,
      });
    }
    if (key) builder.orderBy(key.expression, direction).addOrderBy('t.number', direction).addSelect(key.toCursor, 'cursor_key');
    else builder.orderBy('t.number', direction);
    const { entities, raw } = await builder
      .offset(cursor ? 0 : (query.page - 1) * query.pageSize)
      .limit(query.pageSize + 1)
      .getRawAndEntities<{ cursor_key?: string | number }>();
    const items = entities.slice(0, query.pageSize);
    const last = items.at(-1);
    const nextCursor = entities.length > query.pageSize && last ? encodeCursor({ sort: query.sort, key: key ? Number(raw[items.length - 1].cursor_key) : null, number: last.number }) : null;
    return { items, nextCursor };
  }

  /** Staff get the ticket and its stage results as one snapshot, so a result is never shown beside the columns it has not yet set. */
  async get(id: string, principal: Principal) {
    if (principal.role === 'customer') return customerTicketView(await this.changes.findVisible(this.dataSource.manager, principal, id));
    const { ticket, stages, latestResponse, timeline, clocks, rating, relations } = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const ticket = await this.changes.findVisible(manager, principal, id);
      return {
        ticket,
        stages: await manager.findBy(TicketStageResultEntity, { ticketId: id }),
        latestResponse: await manager.findOne(TicketResponseEntity, { where: { ticketId: id }, order: { revision: 'DESC' } }),
        timeline: await manager.find(TicketEventEntity, { where: { ticketId: id }, order: { createdAt: 'ASC', id: 'ASC' } }),
        clocks: await manager.find(SlaClockEntity, { where: { ticketId: id }, order: { metric: 'ASC' } }),
        rating: await manager.findOneBy(TicketRatingEntity, { ticketId: id }),
        // Merged, linked, and likely duplicates (same customer, similar text, close in time): staff decide.
        relations: await ticketRelations(manager, principal, ticket),
      };
    });
    const byStage = Object.fromEntries(stages.map((stage) => [stage.stage, { ...stage.result, revision: stage.revision, durationMs: stage.durationMs, updatedAt: stage.updatedAt }]));
    return {
      ...maskedTicket(ticket),
      results: {
        categorization: byStage[Stage.Categorization] ?? null,
        sentiment: byStage[Stage.Sentiment] ?? null,
        escalation: byStage[Stage.Escalation] ?? null,
      },
      suggestedResponse: maskedResponse(latestResponse),
      sla: clocks.map(({ metric, policy, targetMs, runningSince, dueAt, atRiskAt, breachedAt, stoppedAt }) => ({
        metric,
        policy,
        targetMs,
        state: stoppedAt ? 'stopped' : runningSince ? 'running' : 'paused',
        dueAt,
        atRiskAt,
        breachedAt,
        stoppedAt,
      })),
      rating,
      relations,
      // A resolution is also in its 'resolved' event.
      timeline: timeline.map((event) => ({ ...event, summary: maskSensitive(event.summary), data: maskSensitiveValues(event.data) })),
    };
  }

  /** Bumps the ticket's revision and queues a new response for it (through the outbox). */
  async requestResponse(id: string, principal: Principal): Promise<{ ticketId: string; revision: number; status: 'queued'; location: string }> {
    const { revision, published } = await transactionAs(this.dataSource, auditActor(principal), async (manager) => {
      const ticket = await this.changes.findVisible(manager, principal, id, true);
      if (ticket.status === 'resolved' || ticket.status === 'closed') {
        throw new ConflictException(`ticket ${id} is ${ticket.status}; reopen it before asking for a new response`);
      }
      const next = ticket.revision + 1;
      await manager.update(TicketEntity, { id }, { revision: next });
      const published = await this.outbox.enqueue(manager, OutboxKind.ResponseRequested, { v: 1, ticketId: id, revision: next });
      await this.store.appendEvent(
        {
          ticketId: id,
          stage: Stage.Agent,
          type: 'response-requested',
          summary: `New smart response requested by ${principal.email} (revision ${next})`,
          dedupeKey: `${id}.response-requested.r${next}`,
        },
        manager,
      );
      return { revision: next, published };
    });
    await this.outbox.publish(published);
    return { ticketId: id, revision, status: 'queued', location: `/api/tickets/${id}/responses/${revision}` };
  }

  async response(id: string, revision: number, principal: Principal): Promise<TicketResponseEntity | null> {
    const ticket = await this.changes.findVisible(this.dataSource.manager, principal, id);
    if (revision < 1 || revision > ticket.revision) throw new NotFoundException(`ticket ${id} has no response revision ${revision}`);
    return maskedResponse(await this.dataSource.getRepository(TicketResponseEntity).findOneBy({ ticketId: id, revision }));
  }
}

function refuseStaffFilters(query: ListTicketsQuery): void {
  const fields: FieldProblem[] = STAFF_ONLY_FILTERS.filter((filter) => query[filter] !== undefined).map((field) => ({ field, problems: [`customers cannot filter by ${field}`] }));
  if (query.sort === 'priority') fields.push({ field: 'sort', problems: ['customers cannot sort by priority'] });
  if (fields.length > 0) throw invalidFields(fields);
}
