import { randomUUID } from 'node:crypto';
import { config as loadDotenv } from 'dotenv';
import { Pool } from 'pg';
import { loadEnvironment } from '@smartdesk/config';
import { migrate } from '@smartdesk/database';
import { loadTaxonomy } from '@smartdesk/nlp';
import { loadSlaConfig, SlaClockRules } from '@smartdesk/operations';
import { VolumeContext, VolumeGenerator } from './volume-generator';
import { writeVolumeBatch } from './volume-writer';

const BATCH = 2000;

function flag(name: string, fallback: number, max: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`--${name} needs a whole number from 1 to ${max}`);
  return value;
}

/**
 * `npm run seed:volume -- --tickets 100000 [--days 90] [--seed 42]`: a realistic ticket history for load and
 * analytics (with SLA clocks, suggestions, replies and ratings), in batches of multi-row INSERTs. Uses the
 * teams, agents and routing rules that exist (run `npm run seed` first for the demo ones).
 */
async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const env = loadEnvironment();
  const total = flag('tickets', 10_000, 1_000_000);
  const days = flag('days', 90, 3650);
  const seed = flag('seed', 42, 2 ** 31);
  await migrate(env.DATABASE_URL);
  const pool = new Pool({ connectionString: env.DATABASE_URL, max: 2 });
  try {
    const routing = new Map<string, string>((await pool.query(`SELECT category, team_id FROM routing_rules`)).rows.map((row) => [row.category, row.team_id]));
    const agents: VolumeContext['agents'] = new Map();
    for (const row of (await pool.query(`SELECT id, email, capacity, team_id FROM users WHERE role = 'agent' AND active AND team_id IS NOT NULL`)).rows) {
      agents.set(row.team_id, [...(agents.get(row.team_id) ?? []), { id: row.id, email: row.email, capacity: row.capacity }]);
    }
    const examples = Object.fromEntries(loadTaxonomy(env.TAXONOMY_FILE).categories.map((category) => [category.id, category.examples]));
    const generator = new VolumeGenerator({ now: new Date(), days, examples, routing, agents, rules: new SlaClockRules(loadSlaConfig(env.SLA_CONFIG_FILE)) }, seed);
    const started = performance.now();
    for (let done = 0; done < total; ) {
      const size = Math.min(BATCH, total - done);
      const tickets = Array.from({ length: size }, () => generator.next());
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`SELECT set_config('smartdesk.actor', 'seed:volume', true)`);
        await writeVolumeBatch(
          client,
          tickets,
          tickets.map(() => randomUUID()),
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
      done += size;
      process.stderr.write(`\r${done}/${total} tickets`);
    }
    // Statistics for the planner, and the visibility map that lets the stats run on index-only scans.
    await pool.query('VACUUM (ANALYZE) tickets, sla_clocks, ticket_responses, ticket_messages, ticket_ratings');
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write('\n');
    console.log(
      `inserted ${total} tickets over ${days} days in ${seconds.toFixed(1)} s (${Math.round(total / seconds)} tickets/s)` +
        `${routing.size === 0 ? '; no routing rules, so no teams or assignees (run npm run seed first)' : ''}`,
    );
  } finally {
    await pool.end();
  }
}

main().catch((error) => {
  console.error(`seed:volume failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
