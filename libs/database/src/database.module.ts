import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Environment } from '@smartdesk/config';
import { dataSourceOptions } from './data-source-options';
import { ENTITIES } from './entities';
import { ModelStore } from './model-store';
import { TicketStageStore } from './ticket-stage.store';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [Environment],
      // No retries here: apps wait for Postgres explicitly before they boot (see worker-runtime).
      useFactory: (env: Environment) => ({ ...dataSourceOptions(env.DATABASE_URL, env.DATABASE_POOL_SIZE), retryAttempts: 0 }),
    }),
    TypeOrmModule.forFeature(ENTITIES),
  ],
  providers: [TicketStageStore, ModelStore],
  exports: [TypeOrmModule, TicketStageStore, ModelStore],
})
export class DatabaseModule {}
