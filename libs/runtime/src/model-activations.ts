import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import type { Environment } from '@smartdesk/config';
import type { ModelTask } from '@smartdesk/contracts';
import { redisConnection } from './redis-connection';

/**
 * Tells every running worker that another model version became active, so each swaps it in without a restart.
 * Pub/sub is fire-and-forget: a subscriber that was disconnected re-checks the active version when it reconnects.
 */
export class ModelActivations {
  private readonly logger = new Logger(ModelActivations.name);

  constructor(
    private readonly redisUrl: string,
    /** Namespaces the channel like the queues, so test runs and tenants sharing a Redis stay apart. */
    private readonly prefix: string,
    private readonly model: string,
  ) {}

  private get channel(): string {
    return `${this.prefix}:model-activated:${this.model}`;
  }

  async publish(version: number | null): Promise<void> {
    // Connected explicitly: a producer connection refuses commands until it is ready, rather than queueing them.
    const redis = new Redis({ ...redisConnection(this.redisUrl, 'producer'), lazyConnect: true });
    try {
      await redis.connect();
      await redis.publish(this.channel, JSON.stringify({ version }));
    } finally {
      redis.disconnect();
    }
  }

  /** Calls `onChange` on every activation and after every (re)connection; returns the subscriber to close. */
  async subscribe(onChange: () => Promise<void>): Promise<Redis> {
    const redis = new Redis(redisConnection(this.redisUrl, 'worker'));
    const refresh = () => onChange().catch((error) => this.logger.error(`could not load the active ${this.model} model: ${(error as Error).message}`));
    redis.on('message', refresh);
    let connectedBefore = false;
    redis.on('ready', () => {
      if (connectedBefore) void refresh();
      connectedBefore = true;
    });
    await redis.subscribe(this.channel);
    return redis;
  }
}

/** One task's activations channel, shared by the gateway (rollbacks) and the workers that run the model. */
export function modelActivations(env: Pick<Environment, 'REDIS_URL' | 'QUEUE_PREFIX'>, task: ModelTask): ModelActivations {
  return new ModelActivations(env.REDIS_URL, env.QUEUE_PREFIX, task);
}
