import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { config as loadDotenv } from 'dotenv';
import { loadEnvironment } from '@smartdesk/config';
import { migrate } from '@smartdesk/database';
import { DemoSeeder } from './demo-seeder.service';
import { SeedModule } from './seed.module';

/**
 * `npm run seed [-- --password P]`: demo teams, one account per role and canned responses.
 * Run by hand, never by the apps. Accounts it creates get P, or one random password printed once.
 */
async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const env = loadEnvironment();
  const flag = process.argv.indexOf('--password');
  const password = flag >= 0 ? process.argv[flag + 1] : randomBytes(12).toString('base64url');
  if (!password || password.length < 10) throw new Error('--password needs a value of at least 10 characters');
  await migrate(env.DATABASE_URL);
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  try {
    const { created, existing } = await app.get(DemoSeeder).seed(password);
    for (const line of created) console.log(`created   ${line}`);
    for (const line of existing) console.log(`exists    ${line}`);
    const newAccounts = created.some((line) => line.includes('@'));
    console.log(newAccounts ? `password of the accounts created: ${password}` : 'no account created; existing passwords unchanged');
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(`seed failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
