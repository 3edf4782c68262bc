import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Environment } from '@smartdesk/config';
import { liveEventsChannel, TicketLiveEvent } from '@smartdesk/contracts';
import { MicroBatcher } from '@smartdesk/batching';
import { TicketEntity } from '@smartdesk/database';
import { redisConnection } from '@smartdesk/runtime';

interface TicketChange {
  ticketId: string;
  type: string;
  internal: boolean;
}

/** What a live event tells of its ticket. */
type TicketSnapshot = Pick<TicketLiveEvent, 'number' | 'status' | 'version' | 'teamId' | 'department' | 'assigneeId' | 'customerId' | 'escalationLevel'>;

interface TicketRow {
  id: string;
  number: string;
  status: string;
  version: number;
  team_id: string | null;
  department: string | null;
  assignee_id: string | null;
  customer_id: string | null;
  escalation_level: number | null;
}

function snapshotOf(row: TicketRow): TicketSnapshot {
  return {
    number: Number(row.number),
    status: row.status,
    version: row.version,
    teamId: row.team_id,
    department: row.department,
    assigneeId: row.assignee_id,
    customerId: row.customer_id,
    escalationLevel: row.escalation_level,
  };
}

/**
 * Announces committed ticket changes on Redis pub/sub, where every gateway replica picks them up for its
 * server-sent event streams. Best effort: a live view that misses an event still reads the ticket.
 */
@Injectable()
export class LiveEvents implements OnModuleDestroy {
  private readonly logger = new Logger(LiveEvents.name);
  private readonly redis: Redis;
  private readonly channel: string;
  private readonly single = new MicroBatcher<TicketChange, void>((changes) => this.publish(changes), { maxBatch: 200, maxInFlight: 1 });

  constructor(
    env: Environment,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.redis = new Redis(redisConnection(env.REDIS_URL, 'producer'));
    this.redis.on('error', () => undefined); // reported where a publish fails
    this.channel = liveEventsChannel(env.QUEUE_PREFIX);
  }

  /** Publishes `type` for each ticket, with its current status, routing and version read from Postgres. */
  async ticketsChanged(ticketIds: string[], type: string, internal: boolean): Promise<void> {
    await this.publish(ticketIds.map((ticketId) => ({ ticketId, type, internal })));
  }

  /** Tickets just stored by intake, announced from the rows in hand: nothing to read back, as they have no team, assignee or escalation yet. */
  async ticketsReceived(tickets: TicketEntity[]): Promise<void> {
    const snapshots = new Map(tickets.map((ticket) => [ticket.id, { ...ticket, teamId: null, department: null, assigneeId: null, escalationLevel: null }]));
    await this.send(
      tickets.map((ticket) => ({ ticketId: ticket.id, type: 'received', internal: false })),
      snapshots,
    );
  }

  /** One ticket's change; changes announced at once (a worker's concurrent jobs) share one read and one write, in order. */
  ticketChanged(ticketId: string, type: string, internal: boolean): Promise<void> {
    return this.single.submit({ ticketId, type, internal });
  }

  private async publish(changes: TicketChange[]): Promise<void[]> {
    if (changes.length === 0) return [];
    try {
      const rows: TicketRow[] = await this.dataSource.query(
        `SELECT t.id, t.number, t.status, t.version, t.team_id, tm.department, t.assignee_id, t.customer_id, t.escalation_level
           FROM tickets t LEFT JOIN teams tm ON tm.id = t.team_id WHERE t.id = ANY($1::uuid[])`,
        [[...new Set(changes.map((change) => change.ticketId))]],
      );
      await this.send(changes, new Map(rows.map((row) => [row.id, snapshotOf(row)])));
    } catch (error) {
      this.warn(changes, error);
    }
    return changes.map(() => undefined);
  }

  private async send(changes: TicketChange[], snapshots: Map<string, TicketSnapshot>): Promise<void> {
    const at = new Date().toISOString();
    const publishing = this.redis.pipeline();
    for (const { ticketId, type, internal } of changes) {
      const ticket = snapshots.get(ticketId);
      if (!ticket) continue;
      const { number, status, version, teamId, department, assigneeId, customerId, escalationLevel } = ticket;
      const event: TicketLiveEvent = { v: 1, type, ticketId, number, status, version, teamId, department, assigneeId, customerId, escalationLevel, internal, at };
      publishing.publish(this.channel, JSON.stringify(event));
    }
    await publishing.exec().catch((error) => this.warn(changes, error));
  }

  private warn(changes: TicketChange[], error: unknown): void {
    this.logger.warn(`live events (${[...new Set(changes.map((change) => change.type))].join(', ')}) not published: ${(error as Error).message}`);
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
