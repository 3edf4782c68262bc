import { parseArgs } from 'node:util';

export const PARTS = ['bare', 'intake', 'pipeline', 'latency', 'retrieval', 'stats'] as const;
export type Part = (typeof PARTS)[number];

export interface BenchOptions {
  parts: Set<Part>;
  /** Seconds of each throughput loop (bare insert + enqueue, intake). */
  duration: number;
  /** Concurrent HTTP connections (intake, backlog submission) and in-flight rows in the bare loop: enough to saturate (32 left this machine a quarter idle). */
  connections: number;
  /** Tickets (and bare flows) queued up before the pipeline is let loose. */
  backlog: number;
  /** Processes per worker for the pipeline runs, e.g. [1, 2]. */
  scales: number[];
  /** Tickets per second, and seconds, of the submit → triaged latency run. */
  rate: number;
  /** Instead of `rate`: this share of the same run's bare 4-stage flow rate (issue 16 states latency at 2.5% of it). */
  rateShare?: number;
  latencyDuration: number;
  /** Collection sizes of the retrieval runs, ascending. */
  chunks: number[];
  /** Timed queries per retrieval size. */
  queries: number;
  /** Tickets of seeded history, and timed requests per range, for GET /api/stats. */
  statsTickets: number;
  statsRequests: number;
  /** Folder for --cpu-prof profiles of every app process, or none. */
  profileDir?: string;
  outDir: string;
  /** No team setup: no seeded teams, agents or routing rules (the variant measured before routing mattered). */
  bareSetup: boolean;
  /** Rounds of the pipeline with and without the team setup (ABBA order), each setup's median reported. */
  rounds: number;
}

export const USAGE = `usage: npm run bench -- [options]
  --parts LIST          which parts to run: ${PARTS.join(',')} (default: all)
  --duration S          seconds of the bare insert+enqueue loop and of intake (default 10)
  --connections N       concurrent HTTP connections / in-flight rows (default 128)
  --backlog N           tickets queued before each pipeline run, and bare flows (default 3000)
  --scales LIST         processes per worker for the pipeline runs (default 1,2)
  --rate R              tickets/s of the latency run (default 50)
  --rate-share S        instead: S times the same run's bare 4-stage flow rate, e.g. 0.025 (needs the bare part)
  --latency-duration S  seconds of the latency run (default 60)
  --chunks LIST         retrieval collection sizes (default 10000,100000)
  --queries N           timed queries per retrieval size (default 300)
  --stats-tickets N     tickets of seeded history for the GET /api/stats run (default 100000)
  --stats-requests N    timed GET /api/stats requests per range (default 30)
  --bare-setup          no seeded teams, agents and routing rules; without it the pipeline runs twice per scale,
                        without and with the demo team setup, and latency runs with it
  --rounds N            rounds of the pipeline with and without the team, in ABBA order; medians reported (default 2)
  --profile DIR         write a --cpu-prof profile of every app process into DIR
  --out DIR             where results go (default bench/results)`;

export function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name} takes a positive whole number, got '${value}'`);
  return parsed;
}

function intList(name: string, value: string | undefined, fallback: number[]): number[] {
  if (value === undefined) return fallback;
  return value.split(',').map((item) => positiveInt(name, item.trim(), 0));
}

/** A bad command line: the message names the option; print it with USAGE. */
export class BenchUsageError extends Error {}

/** Parses `npm run bench -- ...` arguments; throws a BenchUsageError naming the offending option. */
export function parseBenchOptions(args: string[]): BenchOptions {
  try {
    return parse(args);
  } catch (error) {
    throw new BenchUsageError((error as Error).message);
  }
}

function parse(args: string[]): BenchOptions {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      parts: { type: 'string' },
      duration: { type: 'string' },
      connections: { type: 'string' },
      backlog: { type: 'string' },
      scales: { type: 'string' },
      rate: { type: 'string' },
      'rate-share': { type: 'string' },
      'latency-duration': { type: 'string' },
      chunks: { type: 'string' },
      queries: { type: 'string' },
      'stats-tickets': { type: 'string' },
      'stats-requests': { type: 'string' },
      profile: { type: 'string' },
      out: { type: 'string' },
      'bare-setup': { type: 'boolean' },
      rounds: { type: 'string' },
    },
  });
  const parts = values.parts === undefined ? [...PARTS] : values.parts.split(',').map((part) => part.trim());
  for (const part of parts) if (!(PARTS as readonly string[]).includes(part)) throw new Error(`--parts: unknown part '${part}' (known: ${PARTS.join(', ')})`);
  const rateShare = values['rate-share'] === undefined ? undefined : Number(values['rate-share']);
  if (rateShare !== undefined && !(rateShare > 0 && rateShare <= 1)) throw new Error(`--rate-share takes a share between 0 and 1, got '${values['rate-share']}'`);
  if (rateShare !== undefined && !parts.includes('bare')) throw new Error('--rate-share needs the bare part (--parts bare,latency,...)');
  return {
    rateShare,
    parts: new Set(parts as Part[]),
    duration: positiveInt('duration', values.duration, 10),
    connections: positiveInt('connections', values.connections, 128),
    backlog: positiveInt('backlog', values.backlog, 3000),
    scales: intList('scales', values.scales, [1, 2]),
    rate: positiveInt('rate', values.rate, 50),
    latencyDuration: positiveInt('latency-duration', values['latency-duration'], 60),
    chunks: intList('chunks', values.chunks, [10_000, 100_000]).sort((a, b) => a - b),
    queries: positiveInt('queries', values.queries, 300),
    statsTickets: positiveInt('stats-tickets', values['stats-tickets'], 100_000),
    statsRequests: positiveInt('stats-requests', values['stats-requests'], 30),
    profileDir: values.profile,
    outDir: values.out ?? 'bench/results',
    bareSetup: values['bare-setup'] ?? false,
    rounds: positiveInt('rounds', values.rounds, 2),
  };
}
