import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { Observable, Subject } from 'rxjs';
import { Environment } from '@smartdesk/config';
import { liveEventsChannel, TicketLiveEvent } from '@smartdesk/contracts';
import { redisConnection } from '@smartdesk/runtime';

/** The gateway's one subscription to the live-event channel, shared by every open event stream. */
@Injectable()
export class LiveFeed implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LiveFeed.name);
  private readonly subject = new Subject<TicketLiveEvent>();
  private redis?: Redis;

  constructor(private readonly env: Environment) {}

  get events(): Observable<TicketLiveEvent> {
    return this.subject.asObservable();
  }

  async onModuleInit(): Promise<void> {
    // A subscriber waits for Redis through restarts, like a worker, and re-subscribes when it is back.
    this.redis = new Redis(redisConnection(this.env.REDIS_URL, 'worker'));
    this.redis.on('error', (error) => this.logger.warn(`live feed: ${error.message}`));
    this.redis.on('message', (_channel, message) => {
      try {
        this.subject.next(JSON.parse(message) as TicketLiveEvent);
      } catch {
        this.logger.warn('live feed: ignored a message that is not JSON');
      }
    });
    await this.redis.subscribe(liveEventsChannel(this.env.QUEUE_PREFIX));
  }

  onModuleDestroy(): void {
    this.subject.complete();
    this.redis?.disconnect();
  }
}
