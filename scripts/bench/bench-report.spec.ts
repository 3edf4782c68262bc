import { BenchFigures, buildReport, checkTargets, computeRatios, formatMarkdown, formatTable } from './bench-report';

const latency = (p50: number, p95: number, p99 = p95) => ({ n: 100, p50, p95, p99, max: p99 });
const cost = { cpuMsPerTicket: { gateway: 0.9, postgres: 0.5, chroma: 0.001 }, machineBusy: 0.97 };
const routed = { deadlocks: 0, failedJobs: 0, routable: 2000, routed: 2000, assigned: 120, capacityViolations: 0 };
const unrouted = { deadlocks: 0, failedJobs: 0, routable: 0, routed: 0, assigned: 0, capacityViolations: 0 };

const figures: BenchFigures = {
  bare: { insertEnqueue: { rowsPerSec: 2000, rows: 20_000, latencyMs: latency(5, 9) }, flow: { ticketsPerSec: 800, tickets: 3000, elapsedMs: 3750 } },
  intake: { ticketsPerSec: 1200, accepted: 12_000, failed: 0, latencyMs: latency(20, 45, 80), ...cost },
  pipeline: [
    { processesPerWorker: 2, setup: 'none', tickets: 3000, ticketsPerSec: 310, elapsedMs: 9_700, timedOut: false, ...cost, routing: unrouted },
    { processesPerWorker: 2, setup: 'team', tickets: 3000, ticketsPerSec: 300, elapsedMs: 10_000, timedOut: false, ...cost, routing: routed },
    { processesPerWorker: 1, setup: 'none', tickets: 3000, ticketsPerSec: 250, elapsedMs: 12_000, timedOut: false, ...cost, routing: unrouted },
    { processesPerWorker: 1, setup: 'team', tickets: 3000, ticketsPerSec: 200, elapsedMs: 15_000, timedOut: false, ...cost, routing: { ...routed, routed: 1990 } },
  ],
  latency: {
    rate: 50,
    durationS: 60,
    sent: 3000,
    accepted: 3000,
    notTriaged: 0,
    submitToTriagedMs: latency(90, 240, 400),
    submitToStageMs: { sentiment: latency(20, 50) },
    routing: { ...routed, deadlocks: 1 },
  },
  retrieval: { embeddingProvider: 'hashing-v1 (768-d)', sizes: [{ chunks: 10_000, indexMs: 9000, queryMs: latency(4, 8), bareQueryMs: latency(2, 5) }] },
  stats: {
    tickets: 100_000,
    seedSeconds: 30,
    queries: [
      { name: 'last 30 days (default)', latencyMs: latency(40, 60) },
      { name: 'all 100000 tickets', latencyMs: latency(110, 210) },
    ],
  },
  peakRssMb: { gateway: 180, 'categorization-worker': 140, 'rag-worker': 320 },
  embeddingProvider: 'hashing',
};

describe('computeRatios', () => {
  it('relates each figure to its bare limit, the largest scale to the smallest (with the team setup), and routing to none', () => {
    expect(computeRatios(figures)).toEqual({ intakeOfBare: 0.6, pipelineOfBare: { x1: 0.25, x2: 0.375 }, scaling: 1.5, teamOfNoTeam: { x1: 0.8, x2: 0.968 }, retrievalTimesBare: { '10000': 2 } });
  });

  it('takes the headline figures from the runs without routing in a bare-setup run', () => {
    const bare = { ...figures, pipeline: figures.pipeline!.filter((run) => run.setup === 'none') };
    expect(computeRatios(bare)).toMatchObject({ pipelineOfBare: { x1: 0.313, x2: 0.388 }, scaling: 1.24, teamOfNoTeam: {} });
  });

  it('leaves out what a partial run did not measure', () => {
    expect(computeRatios({ intake: figures.intake, peakRssMb: {} })).toEqual({ intakeOfBare: undefined, pipelineOfBare: {}, scaling: undefined, teamOfNoTeam: {}, retrievalTimesBare: {} });
  });
});

describe('checkTargets', () => {
  const byTarget = (checks: ReturnType<typeof checkTargets>) => Object.fromEntries(checks.map((check) => [check.target, [check.value, check.met]]));

  it('checks every target of issue 6, and the analytics target of issue 5', () => {
    expect(byTarget(checkTargets(figures, computeRatios(figures)))).toEqual({
      'intake >= 2000 tickets/s': [1200, false],
      'intake >= 50% of bare insert+enqueue': [0.6, true],
      'pipeline (1 process/worker) >= 300 triaged/s': [200, false],
      'pipeline >= 30% of bare 4-stage flow': [0.25, false],
      'more processes per worker >= 1.5x one': [1.5, true],
      'p95 submit -> triaged <= 250 ms at 50/s': [240, true],
      'GET /api/stats over all seeded tickets, p95 <= 200 ms': [210, false],
      'pipeline with the team setup >= 90% of without': [0.8, false],
      'routing: deadlocks + failed triage jobs = 0': [1, false],
      'routing: every routable ticket in its team (routed / routable)': [0.995, false],
      'routing: agents over capacity at any sample = 0': [0, true],
      'categorization-worker peak RSS <= 600 MB (holds word vectors)': [140, true],
      'rag-worker peak RSS <= 250 MB': [320, false],
    });
  });

  it('allows the rag worker 600 MB when its embedding provider holds word vectors', () => {
    const glove = { ...figures, embeddingProvider: 'glove' };
    expect(byTarget(checkTargets(glove, computeRatios(glove)))['rag-worker peak RSS <= 600 MB (holds word vectors)']).toEqual([320, true]);
  });

  it('marks what did not run as not checked rather than missed', () => {
    const checks = byTarget(checkTargets({ peakRssMb: {} }, computeRatios({ peakRssMb: {} })));
    expect(checks['intake >= 2000 tickets/s']).toEqual([null, null]);
    expect(checks['p95 submit -> triaged <= 250 ms at 50/s']).toEqual([null, null]);
  });
});

describe('formatTable and formatMarkdown', () => {
  const report = buildReport(figures, new Date('2026-11-21T12:00:00Z'), { cpus: 2, 'processes per worker': [1, 2] });

  it('carries the date, the conditions, every figure with its bare limit and ratio, and the targets', () => {
    const table = formatTable(report);
    expect(table).toContain('Smartdesk benchmark, 2026-11-21T12:00:00.000Z');
    expect(table).toContain('cpus 2; processes per worker 1,2');
    expect(table).toMatch(/intake, tickets\/s\s+1200\.0\s+2000\.0\s+60%/);
    expect(table).toMatch(/intake latency p50 \/ p95 \/ p99, ms\s+20\.0 \/ 45\.0 \/ 80\.0/);
    expect(table).toMatch(/pipeline, 1 process\(es\)\/worker with the team setup, triaged\/s\s+200\.0\s+800\.0\s+25%/);
    expect(table).toMatch(/pipeline, 1 process\(es\)\/worker without routing, triaged\/s\s+250\.0$/m);
    expect(table).toMatch(/routing: routed \/ routable, assigned; deadlocks, failed jobs, agents over capacity\s+1990\/2000, 120; 0, 0, 0/);
    expect(table).toMatch(/with the team \/ without routing\s+80%/);
    expect(table).toMatch(/pipeline scaling, most \/ fewest processes\s+1\.50x/);
    expect(table).toMatch(/retrieval at 10000 chunks, p50 \/ p95 ms\s+4\.0 \/ 8\.0\s+2\.0 \/ 5\.0\s+2\.00x/);
    expect(table).toMatch(/GET \/api\/stats, all 100000 tickets, p50 \/ p95 ms\s+110\.0 \/ 210\.0/);
    expect(table).toMatch(/CPU per ticket, ms\s+gateway 0\.90, postgres 0\.50$/m);
    expect(table).toMatch(/pipeline \(1 process\/worker\) >= 300 triaged\/s\s+200\.0\s+MISSED/);
    expect(table).toMatch(/more processes per worker >= 1\.5x one\s+1\.50\s+met/);
  });

  it('right-aligns the figures under their headings', () => {
    const lines = formatTable(report).split('\n');
    const header = lines.find((line) => line.startsWith('measurement'))!;
    const intake = lines.find((line) => line.startsWith('intake, tickets/s'))!;
    const rss = lines.find((line) => line.startsWith('peak RSS rag-worker'))!;
    const resultEnd = header.indexOf('result') + 'result'.length;
    expect(intake.indexOf('1200.0') + '1200.0'.length).toBe(resultEnd);
    expect(rss.indexOf('320.0') + '320.0'.length).toBe(resultEnd);
    expect(intake.indexOf('2000.0') + '2000.0'.length).toBe(header.indexOf('bare limit') + 'bare limit'.length);
  });

  it('writes markdown tables with a header separator per table', () => {
    const markdown = formatMarkdown(report);
    expect(markdown.startsWith('# Smartdesk benchmark, 2026-11-21T12:00:00.000Z')).toBe(true);
    expect(markdown).toContain('| intake, tickets/s | 1200.0 | 2000.0 | 60% |');
    expect(markdown.match(/^\|---\|/gm)).toHaveLength(2);
  });
});
