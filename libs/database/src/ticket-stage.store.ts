import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { groupBy, MicroBatcher } from '@smartdesk/batching';
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

/**
 * What a stage writes beside its outcome, in the same transaction. The outcomes committed together write
 * their effects of one kind with one call, for all of them (e.g. one multi-row insert).
 */
export interface StageEffect<T, O = void> {
  kind: string;
  item: T;
  /** May answer one output per item, in order: each item's saveStageOutcome resolves with its own. */
  write(manager: EntityManager, items: T[]): Promise<O[] | void>;
  /** Ticket columns an item's output adds to its outcome's patch: written by the same UPDATE, so the row changes once. */
  patch?(output: O): Partial<TicketEntity>;
}

interface PendingOutcome {
  outcome: StageOutcome<AiOutput>;
  effect?: StageEffect<unknown, unknown>;
}

/** Outcomes written by one transaction, and tickets read by one query, when a worker runs many jobs at once. */
const MAX_BATCH = 64;
const BATCHES_IN_FLIGHT = 2;

/**
 * How workers read tickets and write back: result, ticket columns and timeline event in one transaction,
 * idempotently. The jobs a worker runs at once share round trips: their reads go out as one query and
 * their outcomes commit together (group commit), each still acknowledged only once it is committed.
 */
@Injectable()
export class TicketStageStore {
  private readonly reads = new MicroBatcher<string, TicketEntity | null>((ids) => this.readTickets(ids), { maxBatch: MAX_BATCH, maxInFlight: BATCHES_IN_FLIGHT });
  private readonly writes = new MicroBatcher<PendingOutcome, unknown>((batch) => this.writeOutcomes(batch), { maxBatch: MAX_BATCH, maxInFlight: BATCHES_IN_FLIGHT });

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findTicket(ticketId: string): Promise<TicketEntity | null> {
    return this.reads.submit(ticketId);
  }

  async stageResults(ticketId: string): Promise<Map<string, TicketStageResultEntity>> {
    const rows = await this.dataSource.getRepository(TicketStageResultEntity).findBy({ ticketId });
    return new Map(rows.map((row) => [row.stage, row]));
  }

  /** Stores the outcome and writes its `effect` in one transaction; resolves, with the effect's output, once that has committed. */
  saveStageOutcome<R extends AiOutput, T, O = void>(outcome: StageOutcome<R>, effect?: StageEffect<T, O>): Promise<O | undefined> {
    return this.writes.submit({ outcome, effect: effect as StageEffect<unknown, unknown> | undefined }) as Promise<O | undefined>;
  }

  appendEvent(event: TimelineEvent, manager: EntityManager = this.dataSource.manager): Promise<void> {
    return this.appendEvents([event], manager);
  }

  async appendEvents(events: TimelineEvent[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(TicketEventEntity)
      .values(events.map((event) => ({ ...event, confidence: event.confidence ?? null, data: (event.data ?? {}) as QueryDeepPartialEntity<Record<string, unknown>> })))
      .orIgnore()
      .execute();
  }

  private async readTickets(ids: string[]): Promise<(TicketEntity | null)[]> {
    const rows = await this.dataSource.getRepository(TicketEntity).findBy({ id: In([...new Set(ids)]) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** One transaction per stage in the batch (the audit log names the stage's worker). */
  private async writeOutcomes(batch: PendingOutcome[]): Promise<unknown[]> {
    const outputs = new Map<StageEffect<unknown, unknown>, unknown>();
    for (const [stage, group] of groupBy(batch, (pending) => pending.outcome.stage)) {
      await transactionAs(this.dataSource, { id: null, label: `worker:${stage}` }, async (manager) => {
        const written = await this.upsertResults(
          manager,
          group.map((pending) => pending.outcome),
        );
        // Only the stored outcomes' effects: an older revision finishing late must change nothing beside its timeline event.
        const stored = group.filter((pending) => written.has(pending.outcome));
        const patches = new Map(stored.map((pending) => [pending, pending.outcome.ticketPatch]));
        for (const sameKind of groupBy(
          stored.filter((pending) => pending.effect),
          (pending) => pending.effect!.kind,
        ).values()) {
          const effect = sameKind[0].effect!;
          const written = await effect.write(
            manager,
            sameKind.map((pending) => pending.effect!.item),
          );
          sameKind.forEach((pending, index) => {
            outputs.set(pending.effect!, written?.[index]);
            if (written && effect.patch) patches.set(pending, { ...patches.get(pending), ...effect.patch(written[index]) });
          });
        }
        await this.appendEvents(
          group.map(({ outcome }) => ({ ...outcome.event, ticketId: outcome.ticketId, stage: outcome.stage, confidence: outcome.result.confidence })),
          manager,
        );
        // Last: the ticket rows stay locked until commit, and the other stages of these tickets update them too.
        await this.patchTickets(
          manager,
          stored.map((pending) => ({ ...pending.outcome, ticketPatch: patches.get(pending)! })),
        );
      });
    }
    return batch.map((pending) => (pending.effect ? outputs.get(pending.effect) : undefined));
  }

  /**
   * Stores each ticket's newest result; returns the outcomes that were stored. An older revision finishing
   * late must not overwrite a newer result, nor the ticket's columns.
   */
  private async upsertResults(manager: EntityManager, outcomes: StageOutcome<AiOutput>[]): Promise<Set<StageOutcome<AiOutput>>> {
    // One row per ticket and stage per statement (ON CONFLICT cannot touch a row twice): the newest revision.
    const newest = new Map<string, StageOutcome<AiOutput>>();
    for (const outcome of outcomes) {
      const key = `${outcome.ticketId}/${outcome.stage}`;
      if ((newest.get(key)?.revision ?? -1) <= outcome.revision) newest.set(key, outcome);
    }
    const rows = [...newest.values()];
    const params = rows.flatMap((outcome) => [outcome.ticketId, outcome.stage, outcome.revision, outcome.result, outcome.result.confidence, outcome.result.source, outcome.durationMs]);
    const values = rows.map((_, row) => `(${[1, 2, 3, 4, 5, 6, 7].map((column) => `$${row * 7 + column}`).join(', ')}, now())`).join(', ');
    const stored: { ticket_id: string; stage: string }[] = await manager.query(
      `INSERT INTO ticket_stage_results (ticket_id, stage, revision, result, confidence, source, duration_ms, updated_at)
       VALUES ${values}
       ON CONFLICT (ticket_id, stage) DO UPDATE SET
         revision = excluded.revision, result = excluded.result, confidence = excluded.confidence,
         source = excluded.source, duration_ms = excluded.duration_ms, updated_at = now()
       WHERE ticket_stage_results.revision <= excluded.revision
       RETURNING ticket_id, stage`,
      params,
    );
    const storedKeys = new Set(stored.map((row) => `${row.ticket_id}/${row.stage}`));
    return new Set(rows.filter((outcome) => storedKeys.has(`${outcome.ticketId}/${outcome.stage}`)));
  }

  /**
   * Sets the columns the stored outcomes own, one statement per set of columns. A status change (new →
   * triaged) applies only if the lifecycle still allows it: an agent may have moved the ticket on since
   * the worker read it, and that move must not be undone. Each ticket row is updated once: every update
   * writes a new row version into all of the table's indexes and an audit entry.
   */
  private async patchTickets(manager: EntityManager, outcomes: StageOutcome<AiOutput>[]): Promise<void> {
    const patches = outcomes.map(({ ticketId, ticketPatch: { status, ...columns } }) => ({ ticketId, status, columns })).filter((patch) => patch.status || Object.keys(patch.columns).length > 0);
    const byShape = groupBy(patches, (patch) => `${Object.keys(patch.columns).sort().join()}|${patch.status ? 'status' : ''}`);
    const metadata = manager.connection.getMetadata(TicketEntity);
    for (const group of byShape.values()) {
      const [first] = group;
      const columns = Object.keys(first.columns).map((property) => metadata.findColumnWithPropertyName(property)!);
      // In id order: stages updating the same tickets at once then take their row locks in the same order (the plan walks the records), so they do not deadlock.
      const records = group
        .sort((a, b) => (a.ticketId < b.ticketId ? -1 : 1))
        .map(({ ticketId, status, columns: values }) => ({
          id: ticketId,
          ...Object.fromEntries(columns.map((column) => [column.databaseName, (values as Record<string, unknown>)[column.propertyName]])),
          ...(status ? { status, from_statuses: statusesLeadingTo(status) } : {}),
        }));
      const assignments = columns.map((column) => `"${column.databaseName}" = v."${column.databaseName}"`);
      const fields = columns.map((column) => `"${column.databaseName}" ${manager.connection.driver.normalizeType(column)}`);
      if (first.status) {
        assignments.push(`status = CASE WHEN t.status = ANY(v.from_statuses) THEN v.status ELSE t.status END`);
        fields.push('status varchar', 'from_statuses varchar[]');
      }
      await manager.query(
        `UPDATE tickets t SET ${assignments.join(', ')}, updated_at = now()
           FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, ${fields.join(', ')})
          WHERE t.id = v.id`,
        [JSON.stringify(records)],
      );
    }
  }
}
