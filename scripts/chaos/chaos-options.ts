import { parseArgs } from 'node:util';
import { positiveInt } from '../bench/bench-options';
import { Fault, faultKey, FAULTS } from './faults';

export interface ChaosOptions {
  /** Tickets per second, before, during and after each fault. */
  rate: number;
  /** The faults to run, in order. */
  faults: Fault[];
  /** Injections per fault phase; undefined: each fault's default (3 worker kills, one of the rest). */
  repeat?: number;
  /** Seconds of load before the first injection and after the last. */
  before: number;
  after: number;
  /** Redis without its append-only file: what a restart does to the queues then. */
  appendOnly: boolean;
  outDir: string;
}

export const USAGE = `usage: npm run chaos -- [options]
  --rate R        tickets/s before, during and after each fault (default 5)
  --fault LIST    the faults to run, comma-separated: ${FAULTS.map(faultKey).join(', ')} (default: all, in that order)
  --repeat N      injections per fault (default 3 per worker, 1 for the rest)
  --before S      seconds of load before the first injection (default 3)
  --after S       seconds of load after the last (default 5)
  --no-aof        run Redis without its append-only file (a restart then empties the queues)
  --out DIR       where results go (default bench/results; files chaos-<date>.md and .json)`;

/** A bad command line: the message names the option; print it with USAGE. */
export class ChaosUsageError extends Error {}

export function parseChaosOptions(args: string[]): ChaosOptions {
  try {
    const { values } = parseArgs({
      args,
      strict: true,
      options: {
        rate: { type: 'string' },
        fault: { type: 'string' },
        repeat: { type: 'string' },
        before: { type: 'string' },
        after: { type: 'string' },
        'no-aof': { type: 'boolean' },
        out: { type: 'string' },
      },
    });
    const names = values.fault?.split(',').map((name) => name.trim()) ?? FAULTS.map(faultKey);
    for (const name of names) if (!FAULTS.some((fault) => faultKey(fault) === name)) throw new Error(`--fault: unknown fault '${name}' (known: ${FAULTS.map(faultKey).join(', ')})`);
    const faults = FAULTS.filter((fault) => names.includes(faultKey(fault)));
    return {
      rate: positiveInt('rate', values.rate, 5),
      faults,
      repeat: values.repeat === undefined ? undefined : positiveInt('repeat', values.repeat, 1),
      before: positiveInt('before', values.before, 3),
      after: positiveInt('after', values.after, 5),
      appendOnly: !values['no-aof'],
      outDir: values.out ?? 'bench/results',
    };
  } catch (error) {
    throw new ChaosUsageError((error as Error).message);
  }
}
