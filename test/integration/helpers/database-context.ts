import { INestApplicationContext, Provider } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SmartdeskConfigModule } from '@smartdesk/config';
import { DatabaseModule } from '@smartdesk/database';
import { createTestEnvironment, TestEnvironment } from '../../support/test-environment';

export interface DatabaseContext {
  env: TestEnvironment;
  app: INestApplicationContext;
  dataSource: DataSource;
  /** Closes the context, drops the suite's database and restores process.env. */
  close(): Promise<void>;
}

/** A Nest context with the config and database modules (plus `providers`) on a fresh, migrated database of the suite's own. */
export async function databaseContext(suite: string, providers: Provider[] = []): Promise<DatabaseContext> {
  const savedEnv = { ...process.env };
  const env = await createTestEnvironment(suite);
  Object.assign(process.env, { NODE_ENV: 'test', LOG_LEVEL: 'warn', DATABASE_URL: env.vars.DATABASE_URL });
  const moduleRef = await Test.createTestingModule({ imports: [SmartdeskConfigModule, DatabaseModule], providers }).compile();
  moduleRef.useLogger(['error', 'warn']);
  const app = await moduleRef.init();
  return {
    env,
    app,
    dataSource: app.get<DataSource>(getDataSourceToken()),
    async close() {
      await app.close();
      await env.cleanup();
      process.env = savedEnv;
    },
  };
}
