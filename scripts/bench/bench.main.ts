// First: reads CHROMA_URL before @smartdesk/config fills process.env with defaults.
import { CONFIGURED_CHROMA_URL } from './configured-chroma';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { BenchUsageError, parseBenchOptions, USAGE } from './bench-options';
import { BenchFigures, buildReport, formatMarkdown, formatTable } from './bench-report';
import { BenchSystem } from './bench-system';
import { measureBareFlow } from './measurements/bare-flow.measurement';
import { measureBareInsertEnqueue } from './measurements/bare-insert-enqueue.measurement';
import { measureIntake } from './measurements/intake.measurement';
import { measureLatency } from './measurements/latency.measurement';
import { measurePipeline, PipelineResult } from './measurements/pipeline.measurement';
import { combineRounds, roundOrder } from './pipeline-rounds';
import { cpuCost } from './process-stats';
import { measureRetrieval } from './measurements/retrieval.measurement';
import { measureStats } from './measurements/stats.measurement';
import { TeamSetup } from './team-setup';
import { PROJECT_ROOT } from '../support/project-root';

/**
 * `npm run bench -- [options]` (issue 6): starts the system in a database, queue prefix and Chroma
 * collections of its own, measures the bare infrastructure and the app in the same run, prints a
 * table and, as the last stdout line, one JSON object; writes both to bench/results/. Progress goes
 * to stderr. Everything it created is removed at the end, also on Ctrl-C.
 */
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
/** Load before the intake figure is taken, so that it measures the JIT-compiled gateway. */
const INTAKE_WARMUP_S = 3;
/** Tickets of the unreported pass before a scale's pipeline runs with and without routing. */
const PIPELINE_WARMUP_TICKETS = 200;
let interrupted = false;

async function run(argv: string[]): Promise<void> {
  const options = parseBenchOptions(argv);
  const date = new Date();
  const conditions = {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    'load average at start': loadavg()[0].toFixed(2),
    parts: [...options.parts],
    duration: `${options.duration} s`,
    connections: options.connections,
    backlog: options.backlog,
    'processes per worker': options.scales,
    latency: `${options.rateShare ? `${options.rateShare * 100}% of the bare flow` : `${options.rate}/s`} for ${options.latencyDuration} s`,
    setup: options.bareSetup ? 'bare (no teams, agents or routing rules)' : 'demo teams, agents with skills and capacity, routing rules',
  };
  log(
    `starting (${Object.entries(conditions)
      .map(([key, value]) => `${key} ${value}`)
      .join('; ')})`,
  );
  if (!CONFIGURED_CHROMA_URL) log('CHROMA_URL is not set: starting a Chroma server from node_modules');
  const system = await BenchSystem.create(options.profileDir && resolve(options.profileDir));
  const interrupt = () => {
    interrupted = true;
    log('interrupted: cleaning up');
    void system.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);

  const figures: BenchFigures = { peakRssMb: {}, embeddingProvider: system.embeddingProvider };
  const { parts } = options;
  try {
    if (parts.has('bare')) {
      log(`bare: PG insert + BullMQ add for ${options.duration} s`);
      const insertEnqueue = await measureBareInsertEnqueue(system.databaseUrl, system.redisUrl, system.prefix, options.duration, options.connections);
      log(`bare: ${options.backlog} no-op 4-stage flows`);
      const flow = await measureBareFlow(system.redisUrl, system.prefix, options.backlog, Math.max(120_000, options.backlog * 50));
      figures.bare = { insertEnqueue, flow };
    }
    if (parts.has('intake') || parts.has('pipeline') || parts.has('latency')) {
      await system.start({ gateway: true, scale: 0 });
      if (parts.has('intake')) {
        log(`intake: ${INTAKE_WARMUP_S} s warm-up, then ${options.connections} connections for ${options.duration} s (gateway only)`);
        await measureIntake(system.baseUrl, { connections: options.connections, durationS: INTAKE_WARMUP_S });
        const before = system.cpuSnapshot();
        const intake = await measureIntake(system.baseUrl, { connections: options.connections, durationS: options.duration });
        figures.intake = { ...intake, ...cpuCost(before, system.cpuSnapshot(), intake.accepted) };
      }
      const pipelineScales = parts.has('pipeline') ? options.scales : [];
      // The latency run uses one process per worker, after the pipeline run at that scale (warm workers).
      const scales = [...new Set([...pipelineScales, ...(parts.has('latency') ? [1] : [])])];
      const team = options.bareSetup || scales.length === 0 ? undefined : await TeamSetup.seed(system.db, system.vars);
      const pipelineRun = (scale: number, setup: 'team' | 'none') => measurePipeline(system, { scale, setup }, options.backlog, options.connections, log);
      for (const scale of scales) {
        await system.start({ gateway: false, scale });
        if (pipelineScales.includes(scale)) {
          const runs = (figures.pipeline ??= []);
          // With a team setup, the same run measures the pipeline without routing too: the cost of routing is the
          // difference. A first, unreported pass warms both paths (JIT, pools): a cold first run measured about
          // half the rate of a warm one here, whichever setup it had. Then rounds in ABBA order, each setup's median reported.
          if (team) {
            log(`pipeline ×${scale}: warm-up pass (not reported)`);
            await measurePipeline(system, { scale, setup: 'team' }, Math.min(options.backlog, PIPELINE_WARMUP_TICKETS), options.connections, log);
            const rounds: PipelineResult[] = [];
            for (const setup of roundOrder(options.rounds)) {
              if (setup === 'none') await team.withdrawRules();
              rounds.push(await pipelineRun(scale, setup));
              await team.restoreRules();
            }
            for (const setup of ['team', 'none'] as const) runs.push(combineRounds(rounds.filter((round) => round.setup === setup)));
          } else runs.push(await pipelineRun(scale, 'none'));
        }
        if (parts.has('latency') && scale === 1) {
          const bareFlow = figures.bare?.flow?.ticketsPerSec;
          const rate = options.rateShare && bareFlow ? Math.max(1, Math.round(options.rateShare * bareFlow)) : options.rate;
          log(`latency: ${rate} tickets/s for ${options.latencyDuration} s${options.rateShare ? ` (${options.rateShare * 100}% of the bare flow)` : ''}`);
          figures.latency = await measureLatency(system, rate, options.latencyDuration);
        }
        await system.stop('workers');
      }
      await system.stop('all');
    }
    if (parts.has('stats')) {
      await system.reset();
      await system.start({ gateway: true, scale: 0 });
      log(`stats: seeding ${options.statsTickets} tickets, then ${options.statsRequests} GET /api/stats per range`);
      figures.stats = await measureStats(system.baseUrl, system.vars, options.statsTickets, options.statsRequests, log);
      await system.stop('all');
    }
    if (parts.has('retrieval')) {
      log(`retrieval: ${options.chunks.join(', ')} chunks, ${options.queries} queries each`);
      figures.retrieval = await measureRetrieval({ CHROMA_URL: system.vars.CHROMA_URL, CHROMA_COLLECTION_PREFIX: system.prefix }, options.chunks, options.queries, log);
    }
    figures.peakRssMb = system.peakRss.megabytes();
  } finally {
    await system.close();
  }

  const report = buildReport(figures, date, { ...conditions, 'embedding provider': figures.retrieval?.embeddingProvider ?? system.embeddingProvider });
  const outDir = resolve(PROJECT_ROOT, options.outDir);
  mkdirSync(outDir, { recursive: true });
  const name = date.toISOString().slice(0, 16).replace(':', '-');
  writeFileSync(join(outDir, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(outDir, `${name}.md`), formatMarkdown(report));
  console.log(formatTable(report));
  console.log('');
  log(`written to ${join(outDir, name)}.json and .md`);
  console.log(JSON.stringify(report));
}

run(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: Error) => {
    // Interrupted: the runs fail as their processes stop; the handler exits once all is cleaned up.
    if (interrupted) return;
    console.error(error instanceof BenchUsageError ? `${error.message}\n${USAGE}` : `bench: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
