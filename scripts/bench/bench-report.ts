import type { BareFlowResult } from './measurements/bare-flow.measurement';
import type { BareInsertEnqueueResult } from './measurements/bare-insert-enqueue.measurement';
import type { IntakeResult } from './measurements/intake.measurement';
import type { LatencyResult } from './measurements/latency.measurement';
import type { PipelineResult } from './measurements/pipeline.measurement';
import type { RetrievalResult } from './measurements/retrieval.measurement';
import type { StatsResult } from './measurements/stats.measurement';
import type { CpuCost } from './process-stats';
import type { RoutingFigures } from './routing-probe';
import { round } from './stats';

/** Everything one run measured; parts that did not run are absent. */
export interface BenchFigures {
  bare?: { insertEnqueue?: BareInsertEnqueueResult; flow?: BareFlowResult };
  intake?: IntakeResult & CpuCost;
  pipeline?: PipelineResult[];
  latency?: LatencyResult;
  retrieval?: RetrievalResult;
  stats?: StatsResult;
  /** Peak RSS (VmHWM) per app in MB, the largest over its processes and runs. */
  peakRssMb: Record<string, number>;
  /** The EMBEDDING_PROVIDER the rag worker ran with. */
  embeddingProvider?: string;
}

export interface Ratios {
  /** Intake as a fraction of the bare insert + enqueue loop. */
  intakeOfBare?: number;
  /** Triaged/s at each scale as a fraction of the bare 4-stage flow. */
  pipelineOfBare: Record<string, number>;
  /** Triaged/s with the largest scale over the smallest. */
  scaling?: number;
  /** Triaged/s with the team setup (routing) over the same scale without it, per scale. */
  teamOfNoTeam: Record<string, number>;
  /** Retrieval p50 over the bare Chroma query p50, per collection size. */
  retrievalTimesBare: Record<string, number>;
}

export interface TargetCheck {
  target: string;
  value: number | null;
  met: boolean | null;
}

export interface BenchReport extends BenchFigures {
  date: string;
  conditions: Record<string, unknown>;
  ratios: Ratios;
  targets: TargetCheck[];
}

/** Targets from issue 6, for a 2-core machine. */
const TARGETS = { intakePerSec: 2000, intakeOfBare: 0.5, pipelinePerSec: 300, pipelineOfBare: 0.3, scaling: 1.5, latencyP95Ms: 250, statsMs: 200, teamOfNoTeam: 0.9 };
const WORKER_RSS_LIMIT_MB = 250;
/** The rag worker embeds with the vector-store module's provider; one holding word vectors may use up to this. */
const WORD_VECTOR_WORKER_RSS_LIMIT_MB = 600;

/** Whether the rag worker holds word vectors: the GloVe embedder does; hashing and OpenAI embeddings hold none. */
function ragHoldsWordVectors(figures: BenchFigures): boolean {
  return figures.embeddingProvider === 'glove';
}

const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b ? round(a / b, 3) : undefined);

/** The runs the headline figures come from: with the team setup when the run had one. */
function headlineRuns(figures: BenchFigures): PipelineResult[] {
  const runs = figures.pipeline ?? [];
  const setup = runs.some((run) => run.setup === 'team') ? 'team' : 'none';
  return runs.filter((run) => run.setup === setup).sort((a, b) => a.processesPerWorker - b.processesPerWorker);
}

/** Routing figures of every run that routed (the team runs, and latency when it ran with routing rules). */
function routingRuns(figures: BenchFigures): RoutingFigures[] {
  return [...(figures.pipeline ?? []).filter((run) => run.setup === 'team'), ...(figures.latency && figures.latency.routing.routable > 0 ? [figures.latency] : [])].map((run) => run.routing);
}

export function computeRatios(figures: BenchFigures): Ratios {
  const pipeline = headlineRuns(figures);
  const bareFlow = figures.bare?.flow?.ticketsPerSec;
  const withoutTeam = new Map((figures.pipeline ?? []).filter((run) => run.setup === 'none').map((run) => [run.processesPerWorker, run.ticketsPerSec]));
  return {
    intakeOfBare: ratio(figures.intake?.ticketsPerSec, figures.bare?.insertEnqueue?.rowsPerSec),
    pipelineOfBare: Object.fromEntries(pipeline.flatMap((run) => (bareFlow ? [[`x${run.processesPerWorker}`, ratio(run.ticketsPerSec, bareFlow)!]] : []))),
    scaling: pipeline.length > 1 ? ratio(pipeline.at(-1)!.ticketsPerSec, pipeline[0].ticketsPerSec) : undefined,
    teamOfNoTeam: Object.fromEntries(
      pipeline
        .filter((run) => run.setup === 'team' && withoutTeam.has(run.processesPerWorker))
        .map((run) => [`x${run.processesPerWorker}`, ratio(run.ticketsPerSec, withoutTeam.get(run.processesPerWorker))!]),
    ),
    retrievalTimesBare: Object.fromEntries((figures.retrieval?.sizes ?? []).map((size) => [String(size.chunks), ratio(size.queryMs.p50, size.bareQueryMs.p50)!])),
  };
}

export function checkTargets(figures: BenchFigures, ratios: Ratios): TargetCheck[] {
  const atLeast = (target: string, value: number | undefined, bound: number): TargetCheck => ({ target, value: value ?? null, met: value === undefined ? null : value >= bound });
  const atMost = (target: string, value: number | undefined, bound: number): TargetCheck => ({ target, value: value ?? null, met: value === undefined ? null : value <= bound });
  const single = headlineRuns(figures).find((run) => run.processesPerWorker === 1);
  const routing = routingRuns(figures);
  const sum = (values: number[]) => (values.length > 0 ? values.reduce((a, b) => a + b, 0) : undefined);
  const teamRatios = Object.values(ratios.teamOfNoTeam);
  const checks = [
    atLeast(`intake >= ${TARGETS.intakePerSec} tickets/s`, figures.intake?.ticketsPerSec, TARGETS.intakePerSec),
    atLeast(`intake >= ${TARGETS.intakeOfBare * 100}% of bare insert+enqueue`, ratios.intakeOfBare, TARGETS.intakeOfBare),
    atLeast(`pipeline (1 process/worker) >= ${TARGETS.pipelinePerSec} triaged/s`, single?.ticketsPerSec, TARGETS.pipelinePerSec),
    atLeast(`pipeline >= ${TARGETS.pipelineOfBare * 100}% of bare 4-stage flow`, ratios.pipelineOfBare.x1, TARGETS.pipelineOfBare),
    atLeast(`more processes per worker >= ${TARGETS.scaling}x one`, ratios.scaling, TARGETS.scaling),
    atMost(`p95 submit -> triaged <= ${TARGETS.latencyP95Ms} ms at ${figures.latency?.rate ?? 50}/s`, figures.latency?.submitToTriagedMs.p95, TARGETS.latencyP95Ms),
    // Issue 5: analytics over the whole history must answer in under 200 ms.
    atMost(`GET /api/stats over all seeded tickets, p95 <= ${TARGETS.statsMs} ms`, figures.stats?.queries.at(-1)?.latencyMs.p95, TARGETS.statsMs),
    // Issue 16: routing a real team's tickets must not cost the pipeline its throughput, nor deadlock, nor lose a ticket.
    atLeast(`pipeline with the team setup >= ${TARGETS.teamOfNoTeam * 100}% of without`, teamRatios.length > 0 ? Math.min(...teamRatios) : undefined, TARGETS.teamOfNoTeam),
    atMost('routing: deadlocks + failed triage jobs = 0', sum(routing.map((run) => run.deadlocks + run.failedJobs)), 0),
    atLeast('routing: every routable ticket in its team (routed / routable)', routing.length > 0 ? Math.min(...routing.map((run) => (run.routable ? run.routed / run.routable : 1))) : undefined, 1),
    atMost('routing: agents over capacity at any sample = 0', sum(routing.map((run) => run.capacityViolations)), 0),
  ];
  for (const [app, mb] of Object.entries(figures.peakRssMb)) {
    if (app === 'gateway') continue;
    // The categorization worker always holds the GloVe vectors (its sentence features); the rag worker does with a word-vector provider.
    const vectors = app === 'categorization-worker' || (app === 'rag-worker' && ragHoldsWordVectors(figures));
    const limit = vectors ? WORD_VECTOR_WORKER_RSS_LIMIT_MB : WORKER_RSS_LIMIT_MB;
    checks.push(atMost(`${app} peak RSS <= ${limit} MB${vectors ? ' (holds word vectors)' : ''}`, mb, limit));
  }
  return checks;
}

export function buildReport(figures: BenchFigures, date: Date, conditions: Record<string, unknown>): BenchReport {
  const ratios = computeRatios(figures);
  return { date: date.toISOString(), conditions, ...figures, ratios, targets: checkTargets(figures, ratios) };
}

const fmt = (value: number | undefined | null, digits = 1) => (value === undefined || value === null || Number.isNaN(value) ? '-' : value.toFixed(digits));
const pct = (value: number | undefined) => (value === undefined ? '-' : `${Math.round(value * 100)}%`);
const spread = (summary: { p50: number; p95: number; p99?: number }) =>
  [summary.p50, summary.p95, summary.p99]
    .filter((v) => v !== undefined)
    .map((v) => fmt(v))
    .join(' / ');

/** Where the CPU went: ms per ticket of each app that did work, and how busy the whole machine was. */
function costRows(cost: CpuCost): string[][] {
  const busy = Object.entries(cost.cpuMsPerTicket).filter(([, ms]) => ms >= 0.01);
  return [
    ['  CPU per ticket, ms', busy.map(([app, ms]) => `${app.replace('-worker', '')} ${fmt(ms, 2)}`).join(', '), '', ''],
    ['  machine CPU busy (all processes)', pct(cost.machineBusy), '', ''],
  ];
}

function routingRow(routing: RoutingFigures): string[] {
  return [
    '  routing: routed / routable, assigned; deadlocks, failed jobs, agents over capacity',
    `${routing.routed}/${routing.routable}, ${routing.assigned}; ${routing.deadlocks}, ${routing.failedJobs}, ${routing.capacityViolations}`,
    '',
    '',
  ];
}

/** The figures as rows of [measurement, result, bare limit, ratio]. */
export function figureRows(report: BenchReport): string[][] {
  const rows: string[][] = [];
  const { bare, intake, pipeline, latency, retrieval, ratios } = report;
  if (bare?.insertEnqueue) rows.push(['bare: PG insert + BullMQ add, rows/s', fmt(bare.insertEnqueue.rowsPerSec), '', '']);
  if (bare?.flow) rows.push(['bare: 4-stage no-op flow, flows/s', fmt(bare.flow.ticketsPerSec), '', '']);
  if (intake) {
    rows.push(['intake, tickets/s', fmt(intake.ticketsPerSec), fmt(bare?.insertEnqueue?.rowsPerSec), pct(ratios.intakeOfBare)]);
    rows.push(['intake latency p50 / p95 / p99, ms', spread(intake.latencyMs), '', '']);
    rows.push(...costRows(intake));
  }
  const withTeam = (pipeline ?? []).some((run) => run.setup === 'team');
  for (const run of pipeline ?? []) {
    const headline = !withTeam || run.setup === 'team';
    const setup = withTeam ? (run.setup === 'team' ? ' with the team setup' : ' without routing') : '';
    rows.push([
      `pipeline, ${run.processesPerWorker} process(es)/worker${setup}, triaged/s${run.rounds ? ` (median of ${run.rounds.join(', ')})` : ''}${run.timedOut ? ' (timed out)' : ''}`,
      fmt(run.ticketsPerSec),
      headline ? fmt(bare?.flow?.ticketsPerSec) : '',
      headline ? pct(ratios.pipelineOfBare[`x${run.processesPerWorker}`]) : '',
    ]);
    rows.push(...costRows(run));
    if (run.setup === 'team') rows.push(routingRow(run.routing), ['  with the team / without routing', pct(ratios.teamOfNoTeam[`x${run.processesPerWorker}`]), '', '']);
  }
  if (ratios.scaling !== undefined) rows.push(['pipeline scaling, most / fewest processes', `${fmt(ratios.scaling, 2)}x`, '', '']);
  if (latency) {
    rows.push([`submit -> triaged at ${latency.rate}/s for ${latency.durationS} s, p50 / p95 / p99 ms`, spread(latency.submitToTriagedMs), '', '']);
    for (const [stage, summary] of Object.entries(latency.submitToStageMs)) rows.push([`  submit -> ${stage} done, p50 / p95 ms`, spread({ p50: summary.p50, p95: summary.p95 }), '', '']);
    if (latency.notTriaged > 0) rows.push(['  not triaged within a minute', String(latency.notTriaged), '', '']);
    if (latency.routing.routable > 0) rows.push(routingRow(latency.routing));
  }
  for (const size of retrieval?.sizes ?? []) {
    rows.push([
      `retrieval at ${size.chunks} chunks, p50 / p95 ms`,
      spread({ p50: size.queryMs.p50, p95: size.queryMs.p95 }),
      spread({ p50: size.bareQueryMs.p50, p95: size.bareQueryMs.p95 }),
      `${fmt(ratios.retrievalTimesBare[String(size.chunks)], 2)}x`,
    ]);
  }
  for (const query of report.stats?.queries ?? []) rows.push([`GET /api/stats, ${query.name}, p50 / p95 ms`, spread({ p50: query.latencyMs.p50, p95: query.latencyMs.p95 }), '', '']);
  for (const [app, mb] of Object.entries(report.peakRssMb)) rows.push([`peak RSS ${app}, MB`, fmt(mb), '', '']);
  return rows;
}

export function targetRows(report: BenchReport): string[][] {
  return report.targets.map((check) => [check.target, fmt(check.value, check.value !== null && check.value < 10 ? 2 : 1), check.met === null ? 'not run' : check.met ? 'met' : 'MISSED']);
}

export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

export function markdownTable(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

const FIGURE_HEADER = ['measurement', 'result', 'bare limit', 'ratio'];
const TARGET_HEADER = ['target', 'value', ''];

function conditionsLine(report: BenchReport): string {
  return Object.entries(report.conditions)
    .map(([key, value]) => `${key} ${Array.isArray(value) ? value.join(',') : String(value)}`)
    .join('; ');
}

/** The human table printed to stdout. */
export function formatTable(report: BenchReport): string {
  return [`Smartdesk benchmark, ${report.date}`, conditionsLine(report), '', textTable(FIGURE_HEADER, figureRows(report)), '', textTable(TARGET_HEADER, targetRows(report))].join('\n');
}

/** The short markdown report written beside the JSON. */
export function formatMarkdown(report: BenchReport): string {
  return [
    `# Smartdesk benchmark, ${report.date}`,
    '',
    `Conditions: ${conditionsLine(report)}.`,
    '',
    markdownTable(FIGURE_HEADER, figureRows(report)),
    '',
    '## Targets (issues 5 and 6, 2-core machine)',
    '',
    markdownTable(TARGET_HEADER, targetRows(report)),
    '',
  ].join('\n');
}
