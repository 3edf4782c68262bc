import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { Stage } from '@smartdesk/contracts';
import { pacedPosts } from '../bench/paced-load';
import { ticketPayloads } from '../bench/synthetic-text';
import { waitForTriaged } from '../bench/triage-progress';
import { PROJECT_ROOT } from '../support/project-root';
import { buildChaosReport, formatChaosMarkdown, formatChaosTable } from './chaos-report';
import { ChaosOptions, ChaosUsageError, parseChaosOptions, USAGE } from './chaos-options';
import { ChaosSystem } from './chaos-system';
import { accountFault, FaultResult, TicketOutcome, TRIAGE_DEADLINE_MS } from './fault-accounting';
import { Fault } from './faults';

/**
 * `npm run chaos -- [options]` (issue 16): on Postgres, Redis and Chroma servers of its own (spare
 * loopback ports), with the demo team seeded, posts tickets at a steady rate while it breaks one part
 * at a time and brings it back; then reads the database for what became of every accepted ticket.
 * Prints a table, writes it with the JSON to bench/results/chaos-<date>.*, exits 1 if the target is missed.
 */
const log = (line: string) => process.stderr.write(`[chaos] ${new Date().toISOString().slice(11, 19)} ${line}\n`);
/** Pause between two injections of one fault, so that each meets a system that has recovered. */
const BETWEEN_INJECTIONS_MS = 2_000;
const PIPELINE_STAGES = [Stage.Categorization, Stage.Sentiment, Stage.RagResponse, Stage.Escalation];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let interrupted = false;

async function runFault(system: ChaosSystem, fault: Fault, options: ChaosOptions, payloads: () => unknown): Promise<FaultResult> {
  const injections = options.repeat ?? fault.defaultRepeat;
  const before = await triagedCount(system);
  const stop = new AbortController();
  const load = pacedPosts(`${system.baseUrl}/api/tickets`, options.rate, Infinity, payloads, stop.signal);
  await sleep(options.before * 1000);
  const faultAt = Date.now();
  for (let i = 0; i < injections; i++) {
    if (i > 0) await sleep(BETWEEN_INJECTIONS_MS);
    log(`${fault.name} (${i + 1}/${injections})`);
    await fault.inject(system);
  }
  const recoveredAt = Date.now();
  log(`${fault.name}: back after ${((recoveredAt - faultAt) / 1000).toFixed(1)} s; ${options.after} s more load`);
  await sleep(options.after * 1000);
  stop.abort();
  const submissions = await load;
  const accepted = submissions.filter((submission) => submission.id !== undefined);
  const lastSent = Math.max(...submissions.map((submission) => submission.sentAt));
  const deadline = Math.max(recoveredAt, lastSent) + TRIAGE_DEADLINE_MS;
  const progress = await waitForTriaged(system.db, before + accepted.length, deadline - Date.now());
  if (progress.timedOut) log(`${fault.name}: ${before + accepted.length - progress.triaged} accepted tickets not triaged in time`);
  const outcomes = await ticketOutcomes(
    system,
    accepted.map((submission) => submission.id!),
  );
  return accountFault(fault.name, injections, { faultAt, recoveredAt }, submissions, outcomes);
}

async function triagedCount(system: ChaosSystem): Promise<number> {
  const { rows } = await system.db.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets WHERE triaged_at IS NOT NULL');
  return rows[0].n;
}

/**
 * Per accepted ticket: its pipeline stage results, when it was triaged (tickets.triaged_at, set once by
 * escalation: a stage result's updated_at moves on later writes, e.g. the escalation result's), and how many timeline
 * events repeat a (stage, type) pair already on it (a stage that ran twice and recorded it twice).
 */
async function ticketOutcomes(system: ChaosSystem, ids: string[]): Promise<Map<string, TicketOutcome>> {
  const { rows } = await system.db.query<{ id: string; stages: number; done: number | null; duplicates: number }>(
    `SELECT t.id,
            (SELECT count(*)::int FROM ticket_stage_results r WHERE r.ticket_id = t.id AND r.stage = ANY($2)) AS stages,
            (extract(epoch FROM t.triaged_at) * 1000)::float8 AS done,
            (SELECT (count(*) - count(DISTINCT (e.stage, e.type)))::int FROM ticket_events e WHERE e.ticket_id = t.id) AS duplicates
       FROM tickets t WHERE t.id = ANY($1::uuid[])`,
    [ids, PIPELINE_STAGES],
  );
  return new Map(rows.map((row) => [row.id, { stagesDone: row.stages, triagedAt: row.stages === PIPELINE_STAGES.length && row.done !== null ? row.done : undefined, duplicates: row.duplicates }]));
}

async function run(argv: string[]): Promise<boolean> {
  const options = parseChaosOptions(argv);
  const date = new Date();
  const conditions = {
    cpus: cpus().length,
    node: process.version,
    'load average at start': loadavg()[0].toFixed(2),
    rate: `${options.rate}/s`,
    'load before / after': `${options.before} s / ${options.after} s`,
    redis: options.appendOnly ? 'appendonly yes' : 'appendonly no',
  };
  log('starting Postgres, Redis and Chroma on spare ports');
  const system = await ChaosSystem.create({ appendOnly: options.appendOnly }, log);
  const interrupt = () => {
    interrupted = true;
    log('interrupted: cleaning up');
    void system.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  const results: FaultResult[] = [];
  try {
    await system.seed();
    log('seeded the demo team; starting the gateway and the four workers');
    await system.start();
    const payloads = ticketPayloads(16);
    for (const fault of options.faults) {
      const result = await runFault(system, fault, options, payloads);
      log(`${fault.name}: ${result.accepted} accepted, ${result.triaged} triaged, ${result.lost} lost, ${result.duplicated} twice`);
      results.push(result);
    }
  } finally {
    await system.close();
  }
  const report = buildChaosReport(results, date, conditions);
  const outDir = resolve(PROJECT_ROOT, options.outDir);
  mkdirSync(outDir, { recursive: true });
  const name = `chaos-${date.toISOString().slice(0, 16).replace(':', '-')}`;
  writeFileSync(join(outDir, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(outDir, `${name}.md`), formatChaosMarkdown(report));
  console.log(formatChaosTable(report));
  log(`written to ${join(outDir, name)}.json and .md`);
  return report.targetMet;
}

run(process.argv.slice(2)).then(
  (met) => process.exit(met ? 0 : 1),
  (error: Error) => {
    if (interrupted) return;
    console.error(error instanceof ChaosUsageError ? `${error.message}\n${USAGE}` : `chaos: ${error.stack ?? error.message}`);
    process.exit(2);
  },
);
