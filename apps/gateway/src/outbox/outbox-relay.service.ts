import { InjectFlowProducer } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FlowJob, FlowProducer } from 'bullmq';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Environment } from '@smartdesk/config';
import { OutboxKind, OutboxPayload, OutboxPayloads, responseFlow, solvedTicketFlow, ticketTriageFlow } from '@smartdesk/contracts';
import { OutboxMessageEntity } from '@smartdesk/database';

export const TICKET_FLOWS = 'ticket-flows';
const BATCH = 200;

const FLOW_OF: { [K in OutboxKind]: (payload: OutboxPayloads[K]) => FlowJob } = {
  [OutboxKind.TicketCreated]: ticketTriageFlow,
  [OutboxKind.ResponseRequested]: responseFlow,
  [OutboxKind.SolvedTicketChanged]: solvedTicketFlow,
};

/** The flow one stored row publishes (its kind and payload were written together by enqueue). */
const flowOf = (row: { kind: OutboxKind; payload: OutboxPayload }): FlowJob => (FLOW_OF[row.kind] as (payload: OutboxPayload) => FlowJob)(row.payload);

/**
 * Transactional outbox: a request stores its change and an outbox row in one Postgres transaction,
 * then this relay publishes pending rows to BullMQ. If Redis is down the rows wait and are published
 * by the sweep once it is back; nothing is lost. Replicas share the work with FOR UPDATE SKIP LOCKED,
 * and deterministic job ids make a re-publish after a crash a no-op in BullMQ.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private sweepTimer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private lastError?: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectFlowProducer(TICKET_FLOWS) private readonly flows: FlowProducer,
    private readonly env: Environment,
  ) {}

  /** Stores outbox rows, one per payload, inside the caller's transaction. */
  async enqueue<K extends OutboxKind>(manager: EntityManager, kind: K, ...payloads: OutboxPayloads[K][]): Promise<void> {
    await manager.insert(
      OutboxMessageEntity,
      payloads.map((payload) => ({ kind, payload })),
    );
  }

  /** Publishes now (after a commit). Concurrent calls coalesce into one more pass. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  onApplicationBootstrap(): void {
    const sweep = () => {
      this.kick();
      this.sweepTimer = setTimeout(sweep, this.env.OUTBOX_SWEEP_MS);
    };
    sweep();
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.sweepTimer);
    await this.running;
  }

  /** Number of messages still waiting to reach Redis (reported by /health). */
  async pending(): Promise<number> {
    return this.dataSource.getRepository(OutboxMessageEntity).countBy({ publishedAt: IsNull() });
  }

  private async drain(): Promise<void> {
    try {
      while ((await this.publishBatch()) === BATCH);
      if (this.lastError) this.logger.log('outbox publishing recovered');
      this.lastError = undefined;
    } catch (error) {
      const message = (error as Error).message;
      // Redis down is expected to last a while: say so once, not every sweep.
      if (message !== this.lastError) this.logger.warn(`outbox publish deferred: ${message}`);
      this.lastError = message;
    }
  }

  private publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { id: string; kind: OutboxKind; payload: OutboxPayload }[] = await manager.query(
        `SELECT id, kind, payload FROM outbox_messages WHERE published_at IS NULL ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length === 0) return 0;
      await this.flows.addBulk(rows.map(flowOf));
      await manager.query(`UPDATE outbox_messages SET published_at = now(), attempts = attempts + 1 WHERE id = ANY($1::bigint[])`, [rows.map((row) => row.id)]);
      return rows.length;
    });
  }
}
