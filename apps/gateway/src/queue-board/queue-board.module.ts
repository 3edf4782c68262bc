import { MiddlewareConsumer, Module, NestModule, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { createBullBoard } from '@bull-board/api';
import type { IServerAdapter } from '@bull-board/api/typings/app';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Queue } from 'bullmq';
import cookieParser from 'cookie-parser';
import { Environment } from '@smartdesk/config';
import { QueueName } from '@smartdesk/contracts';
import { redisConnection } from '@smartdesk/runtime';
import { AuthModule } from '../auth/auth.module';
import { AdminOnlyMiddleware } from './admin-only.middleware';

export const QUEUE_BOARD_PATH = '/admin/queues';

/**
 * Bull Board at /admin/queues, admins only. Read-only: its UI posts its actions (retry, clean) without the
 * web app's CSRF header, so with a session cookie they could be forged cross-site; operators act through the API.
 * Its page needs no CSP exception: the one inline <script> is `type="application/json"` data, never executed.
 */
@Module({ imports: [AuthModule] })
export class QueueBoardModule implements NestModule, OnModuleInit, OnApplicationShutdown {
  private queues: Queue[] = [];
  private readonly board = new ExpressAdapter();
  private readonly showQueues: (queues: BullMQAdapter[]) => void;

  constructor(private readonly env: Environment) {
    this.board.setBasePath(QUEUE_BOARD_PATH);
    const { setQueues } = createBullBoard({
      queues: [],
      // @bull-board/express 9.10.1 pins its own @bull-board/api 9.10.1 beside our 9.10.2: the same interface
      // declared twice (a private field differs), so only the types disagree. Drop the cast once they align.
      serverAdapter: this.board as unknown as IServerAdapter,
    });
    this.showQueues = setQueues;
  }

  /** The queues' Redis connections open here, with the application, not when the module is constructed. */
  onModuleInit(): void {
    const connection = redisConnection(this.env.REDIS_URL, 'producer');
    this.queues = Object.values(QueueName).map((name) => new Queue(name, { connection, prefix: this.env.QUEUE_PREFIX }));
    this.showQueues(this.queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: true })));
  }

  /**
   * The session cookie is parsed here too: Nest 12 registers a module's middleware before that of the modules it
   * imports, so AuthModule's cookie-parser would run after the admin check. cookie-parser skips a parsed request.
   */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(cookieParser(), AdminOnlyMiddleware, this.board.getRouter()).forRoutes(QUEUE_BOARD_PATH);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.queues.map((queue) => queue.close()));
  }
}
