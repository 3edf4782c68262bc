import { InjectFlowProducer } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FlowJob, FlowProducer } from 'bullmq';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Environment } from '@smartdesk/config';
import { OutboxKind, OutboxPayload, OutboxPayloads, responseFlow, sendMailFlow, solvedTicketFlow, ticketTriageFlow } from '@smartdesk/contracts';
import { OutboxMessageEntity } from '@smartdesk/database';
import { currentTraceCarrier, startProducerSpan, withTrace } from '@smartdesk/observability';
import { OutboxMessage, OutboxPublisher } from '@smartdesk/operations';

export const TICKET_FLOWS = 'ticket-flows';
const BATCH = 200;

const FLOW_OF: { [K in OutboxKind]: (payload: OutboxPayloads[K]) => FlowJob } = {
  [OutboxKind.TicketCreated]: ticketTriageFlow,
  [OutboxKind.ResponseRequested]: responseFlow,
  [OutboxKind.SolvedTicketChanged]: solvedTicketFlow,
  [OutboxKind.MailQueued]: sendMailFlow,
};

/** The flow one stored row publishes (its kind and payload were written together by enqueue). */
const flowOf = (kind: OutboxKind, payload: OutboxPayload): FlowJob => (FLOW_OF[kind] as (payload: OutboxPayload) => FlowJob)(payload);

/**
 * Transactional outbox: a request stores its change and an outbox row in one Postgres transaction, then
 * publishes the row to BullMQ itself once committed, without reading it back. What a writer could not publish
 * (Redis down, the process died) the sweep publishes once it is older than a sweep interval, so the two
 * rarely meet; if they do, deterministic job ids make the second add a no-op in BullMQ. Replicas share the
 * sweep with FOR UPDATE SKIP LOCKED. Nothing is lost: a row stays pending until its jobs are in Redis.
 * A row keeps the trace of the change it announces; its jobs continue that trace (see trace-propagation).
 */
@Injectable()
export class OutboxRelay implements OutboxPublisher, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private sweepTimer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  private lastError?: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectFlowProducer(TICKET_FLOWS) private readonly flows: FlowProducer,
    private readonly env: Environment,
  ) {}

  /** Stores outbox rows, one per payload, inside the caller's transaction; the caller publishes them after commit. */
  async enqueue<K extends OutboxKind>(manager: EntityManager, kind: K, ...payloads: OutboxPayloads[K][]): Promise<OutboxMessage[]> {
    const trace = currentTraceCarrier();
    const rows = payloads.map((payload) => ({ kind, payload: withTrace(payload, trace) }));
    const { identifiers } = await manager.insert(OutboxMessageEntity, rows);
    return rows.map((row, index) => ({ ...row, id: String(identifiers[index].id) }));
  }

  /** Publishes committed messages. Never throws: on failure they stay pending for the sweep. */
  async publish(messages: OutboxMessage[]): Promise<void> {
    if (messages.length === 0) return;
    try {
      await this.addFlows(messages);
      await this.markPublished(this.dataSource.manager, messages);
      this.recovered();
    } catch (error) {
      this.deferred(error as Error);
    }
  }

  onApplicationBootstrap(): void {
    const sweep = () => {
      this.sweeping ??= this.sweep().finally(() => (this.sweeping = undefined));
      this.sweepTimer = setTimeout(sweep, this.env.OUTBOX_SWEEP_MS);
    };
    sweep();
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.sweepTimer);
    await this.sweeping;
  }

  /** Number of messages still waiting to reach Redis (reported by /health). */
  async pending(): Promise<number> {
    return this.dataSource.getRepository(OutboxMessageEntity).countBy({ publishedAt: IsNull() });
  }

  private async sweep(): Promise<void> {
    try {
      while ((await this.publishLeftovers()) === BATCH);
      this.recovered();
    } catch (error) {
      this.deferred(error as Error);
    }
  }

  /** Pending rows older than a sweep interval: their writers had that long to publish them. */
  private publishLeftovers(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxMessage[] = await manager.query(
        `SELECT id, kind, payload FROM outbox_messages
          WHERE published_at IS NULL AND created_at < now() - make_interval(secs => $1)
          ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [this.env.OUTBOX_SWEEP_MS / 1000],
      );
      if (rows.length === 0) return 0;
      await this.addFlows(rows);
      await this.markPublished(manager, rows);
      return rows.length;
    });
  }

  /** Adds each message's flow to the queues, under a producer span that its jobs' spans are children of. */
  private async addFlows(messages: OutboxMessage[]): Promise<void> {
    const spans = messages.map(({ id, kind, payload }) => startProducerSpan(`publish ${kind}`, payload.trace, { 'smartdesk.outbox.id': id }));
    try {
      await this.flows.addBulk(messages.map(({ kind, payload }, index) => flowOf(kind, withTrace(payload, spans[index].carrier))));
    } catch (error) {
      for (const span of spans) span.end(error as Error);
      throw error;
    }
    for (const span of spans) span.end();
  }

  private async markPublished(manager: EntityManager, messages: OutboxMessage[]): Promise<void> {
    await manager.query(`UPDATE outbox_messages SET published_at = now(), attempts = attempts + 1 WHERE id = ANY($1::bigint[])`, [messages.map((message) => message.id)]);
  }

  private recovered(): void {
    if (this.lastError) this.logger.log('outbox publishing recovered');
    this.lastError = undefined;
  }

  /** Redis down is expected to last a while: say so once, not at every attempt. */
  private deferred(error: Error): void {
    if (error.message !== this.lastError) this.logger.warn(`outbox publish deferred: ${error.message}`);
    this.lastError = error.message;
  }
}
