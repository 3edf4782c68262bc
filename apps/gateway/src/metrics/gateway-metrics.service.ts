import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Environment } from '@smartdesk/config';
import { QueueName } from '@smartdesk/contracts';
import { measureOutboxPending, serveProcessMetrics } from '@smartdesk/observability';
import { redisConnection } from '@smartdesk/runtime';

/**
 * The gateway's Prometheus listener on METRICS_PORT (off the public port: no session needed to scrape, nothing
 * exposed to the internet). The gateway produces into every queue, so it reports the depth of all of them,
 * and it owns the outbox, so it reports the messages still waiting to be published.
 */
@Injectable()
export class GatewayMetrics implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(GatewayMetrics.name);
  private close?: () => Promise<void>;

  constructor(
    private readonly env: Environment,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.env.METRICS_PORT) return;
    measureOutboxPending(async () => {
      const [{ count }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM outbox_messages WHERE published_at IS NULL`);
      return count;
    });
    const metrics = await serveProcessMetrics({
      app: 'gateway',
      port: this.env.METRICS_PORT,
      host: this.env.METRICS_HOST,
      queues: Object.values(QueueName),
      redis: redisConnection(this.env.REDIS_URL, 'producer'),
      queuePrefix: this.env.QUEUE_PREFIX,
    });
    this.close = metrics.close;
    this.logger.log(`metrics on ${this.env.METRICS_HOST}:${metrics.port}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close?.();
  }
}
