import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { AiOutput, Stage } from '@smartdesk/contracts';
import { transactionAs } from './audit-actor';
import { TicketEntity, TicketEventEntity, TicketStageResultEntity } from './entities';
import { statusesLeadingTo } from './ticket-lifecycle';

export interface TimelineEvent {
  ticketId: string;
  stage: Stage;
  type: string;
  summary: string;
  confidence?: number | null;
  data?: Record<string, unknown>;
  /** Same key, same event: retries and duplicate deliveries append nothing. */
  dedupeKey: string;
}

export interface StageOutcome<R extends AiOutput> {
  ticketId: string;
  stage: Stage;
  revision: number;
  result: R;
  durationMs: number;
  /** Denormalised ticket columns this stage owns (for the agents' filters). */
  ticketPatch: Partial<TicketEntity>;
  event: Omit<TimelineEvent, 'ticketId' | 'stage' | 'confidence'>;
}

/** How workers write back: result, ticket columns and timeline event in one transaction, idempotently. */
@Injectable()
export class TicketStageStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findTicket(ticketId: string): Promise<TicketEntity | null> {
    return this.dataSource.getRepository(TicketEntity).findOneBy({ id: ticketId });
  }

  async stageResults(ticketId: string): Promise<Map<string, TicketStageResultEntity>> {
    const rows = await this.dataSource.getRepository(TicketStageResultEntity).findBy({ ticketId });
    return new Map(rows.map((row) => [row.stage, row]));
  }

  async saveStageOutcome<R extends AiOutput>(outcome: StageOutcome<R>, extra?: (manager: EntityManager) => Promise<void>): Promise<void> {
    await transactionAs(this.dataSource, { id: null, label: `worker:${outcome.stage}` }, async (manager) => {
      // An older revision finishing late must not overwrite a newer result, nor the ticket's columns.
      const written: unknown[] = await manager.query(
        `INSERT INTO ticket_stage_results (ticket_id, stage, revision, result, confidence, source, duration_ms, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now())
         ON CONFLICT (ticket_id, stage) DO UPDATE SET
           revision = excluded.revision, result = excluded.result, confidence = excluded.confidence,
           source = excluded.source, duration_ms = excluded.duration_ms, updated_at = now()
         WHERE ticket_stage_results.revision <= excluded.revision
         RETURNING revision`,
        [outcome.ticketId, outcome.stage, outcome.revision, outcome.result, outcome.result.confidence, outcome.result.source, outcome.durationMs],
      );
      if (written.length > 0) await this.patchTicket(manager, outcome.ticketId, outcome.ticketPatch);
      await extra?.(manager);
      await this.appendEvent({ ...outcome.event, ticketId: outcome.ticketId, stage: outcome.stage, confidence: outcome.result.confidence }, manager);
    });
  }

  /**
   * A stage's status change (new → triaged) applies only if the lifecycle still allows it: an agent may
   * have moved the ticket on since the worker read it, and that move must not be undone.
   */
  private async patchTicket(manager: EntityManager, ticketId: string, patch: Partial<TicketEntity>): Promise<void> {
    const { status, ...columns } = patch;
    if (Object.keys(columns).length > 0) await manager.update(TicketEntity, { id: ticketId }, columns as QueryDeepPartialEntity<TicketEntity>);
    if (status) await manager.update(TicketEntity, { id: ticketId, status: In(statusesLeadingTo(status)) }, { status });
  }

  async appendEvent(event: TimelineEvent, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(TicketEventEntity)
      .values({ ...event, confidence: event.confidence ?? null, data: (event.data ?? {}) as QueryDeepPartialEntity<Record<string, unknown>> })
      .orIgnore()
      .execute();
  }
}
