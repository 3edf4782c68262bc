import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Environment } from '@smartdesk/config';
import { liveEventsChannel, TicketLiveEvent } from '@smartdesk/contracts';
import { redisConnection } from '@smartdesk/runtime';

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

/**
 * Announces committed ticket changes on Redis pub/sub, where every gateway replica picks them up for its
 * server-sent event streams. Best effort: a live view that misses an event still reads the ticket.
 */
@Injectable()
export class LiveEvents implements OnModuleDestroy {
  private readonly logger = new Logger(LiveEvents.name);
  private readonly redis: Redis;
  private readonly channel: string;

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
    if (ticketIds.length === 0) return;
    try {
      const rows: TicketRow[] = await this.dataSource.query(
        `SELECT t.id, t.number, t.status, t.version, t.team_id, tm.department, t.assignee_id, t.customer_id, t.escalation_level
           FROM tickets t LEFT JOIN teams tm ON tm.id = t.team_id WHERE t.id = ANY($1::uuid[])`,
        [ticketIds],
      );
      const at = new Date().toISOString();
      const publishing = this.redis.pipeline();
      for (const row of rows) {
        const event: TicketLiveEvent = {
          v: 1,
          type,
          ticketId: row.id,
          number: Number(row.number),
          status: row.status,
          version: row.version,
          teamId: row.team_id,
          department: row.department,
          assigneeId: row.assignee_id,
          customerId: row.customer_id,
          escalationLevel: row.escalation_level,
          internal,
          at,
        };
        publishing.publish(this.channel, JSON.stringify(event));
      }
      await publishing.exec();
    } catch (error) {
      this.logger.warn(`live event ${type} not published: ${(error as Error).message}`);
    }
  }

  ticketChanged(ticketId: string, type: string, internal: boolean): Promise<void> {
    return this.ticketsChanged([ticketId], type, internal);
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
