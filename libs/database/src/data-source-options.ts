import { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { redactQueryErrors } from './query-error-redaction';

/** The one set of options used by the apps, the migration CLI and the tests; failed queries never log their values. */
export function dataSourceOptions(databaseUrl: string, poolSize = 10): DataSourceOptions {
  redactQueryErrors();
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    extra: { max: poolSize },
    // TypeORM 1 throws on undefined in find conditions by default. Ours are optional filters (a query parameter not
    // given), which mean "no condition": skipped, as before. A null stays an error: a lookup by a missing value.
    invalidWhereValuesBehavior: { undefined: 'ignore' },
  };
}
