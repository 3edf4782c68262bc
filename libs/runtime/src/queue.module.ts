import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { Environment } from '@smartdesk/config';
import { redisConnection } from './redis-connection';

/** BullMQ's Redis connection for a process, in the role it plays (see redisConnection). */
@Module({})
export class QueueModule {
  static forRoot(role: 'worker' | 'producer'): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        BullModule.forRootAsync({
          inject: [Environment],
          useFactory: (env: Environment) => ({ connection: redisConnection(env.REDIS_URL, role), prefix: env.QUEUE_PREFIX }),
        }),
      ],
      exports: [BullModule],
    };
  }
}
