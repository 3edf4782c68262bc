import { config as loadDotenv } from 'dotenv';
import { loadEnvironment } from '@smartdesk/config';
import { migrate } from './migrate';

loadDotenv({ quiet: true });

migrate(loadEnvironment().DATABASE_URL)
  .then((applied) => {
    console.log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'schema is up to date');
  })
  .catch((error) => {
    console.error(`migration failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
