import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AiOutput, Stage } from '@smartdesk/contracts';
import { TicketEntity, TicketStageResultEntity } from './entities';

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

  /**
   * Result, ticket columns and timeline event as one statement (data-modifying CTEs are atomic): one
   * round trip to Postgres per job instead of five, which was a large part of each worker's CPU per
   * ticket under load (see the README's Performance section). With `extra`, both run in one transaction.
   */
  async saveStageOutcome<R extends AiOutput>(outcome: StageOutcome<R>, extra?: (manager: EntityManager) => Promise<void>): Promise<void> {
    const parameters: unknown[] = [outcome.ticketId, outcome.stage, outcome.revision, outcome.result, outcome.result.confidence, outcome.result.source, outcome.durationMs];
    const event = this.eventInsert({ ...outcome.event, ticketId: outcome.ticketId, stage: outcome.stage, confidence: outcome.result.confidence }, parameters);
    const patch = this.ticketPatchSet(outcome.ticketPatch, parameters);
    // An older revision finishing late must not overwrite a newer result, nor the ticket's columns.
    const sql = `WITH result AS (
        INSERT INTO ticket_stage_results (ticket_id, stage, revision, result, confidence, source, duration_ms, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, now())
        ON CONFLICT (ticket_id, stage) DO UPDATE SET
          revision = excluded.revision, result = excluded.result, confidence = excluded.confidence,
          source = excluded.source, duration_ms = excluded.duration_ms, updated_at = now()
        WHERE ticket_stage_results.revision <= excluded.revision
        RETURNING revision
      )${patch ? `, patch AS (UPDATE tickets SET ${patch}, updated_at = now() WHERE id = $1 AND EXISTS (SELECT 1 FROM result))` : ''}
      , event AS (${event})
      SELECT 1`;
    if (!extra) {
      await this.dataSource.query(sql, parameters);
      return;
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.query(sql, parameters);
      await extra(manager);
    });
  }

  async appendEvent(event: TimelineEvent, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const parameters: unknown[] = [];
    await manager.query(this.eventInsert(event, parameters), parameters);
  }

  /** INSERT of one timeline event that does nothing if its dedupe key exists; appends its values to `parameters`. */
  private eventInsert(event: TimelineEvent, parameters: unknown[]): string {
    const values = [event.ticketId, event.stage, event.type, event.summary, event.confidence ?? null, event.data ?? {}, event.dedupeKey];
    const placeholders = values.map((value) => `$${parameters.push(value)}`);
    return `INSERT INTO ticket_events (ticket_id, stage, type, summary, confidence, data, dedupe_key) VALUES (${placeholders.join(', ')}) ON CONFLICT (dedupe_key) DO NOTHING`;
  }

  /** `column = $n, ...` for a partial ticket (column names and value conversion from the entity's metadata), or '' if empty. */
  private ticketPatchSet(patch: Partial<TicketEntity>, parameters: unknown[]): string {
    const metadata = this.dataSource.getMetadata(TicketEntity);
    return Object.entries(patch)
      .map(([property, value]) => {
        const column = metadata.findColumnWithPropertyName(property);
        if (!column) throw new Error(`TicketEntity has no column for '${property}'`);
        return `${column.databaseName} = $${parameters.push(this.dataSource.driver.preparePersistentValue(value, column))}`;
      })
      .join(', ');
  }
}
