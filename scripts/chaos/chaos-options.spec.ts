import { ChaosUsageError, parseChaosOptions } from './chaos-options';
import { FAULTS } from './faults';

describe('parseChaosOptions', () => {
  it('defaults to every fault at 5 tickets/s with Redis on its append-only file', () => {
    expect(parseChaosOptions([])).toEqual({ rate: 5, faults: FAULTS, repeat: undefined, before: 3, after: 5, appendOnly: true, outDir: 'bench/results' });
  });

  it('runs one fault by its short name, with the other options', () => {
    const options = parseChaosOptions(['--fault', 'postgres', '--rate', '10', '--repeat', '2', '--before', '1', '--after', '2', '--no-aof', '--out', 'x']);
    expect(options.faults.map((fault) => fault.name)).toEqual(['restart postgres']);
    expect(options).toMatchObject({ rate: 10, repeat: 2, before: 1, after: 2, appendOnly: false, outDir: 'x' });
  });

  it('names the option at fault', () => {
    expect(() => parseChaosOptions(['--fault', 'dns'])).toThrow(
      new ChaosUsageError("--fault: unknown fault 'dns' (known: categorization-worker, sentiment-worker, rag-worker, escalation-worker, gateway, redis, postgres, chroma)"),
    );
    expect(() => parseChaosOptions(['--rate', '0'])).toThrow(ChaosUsageError);
  });

  it('runs a list of faults in their usual order', () => {
    expect(parseChaosOptions(['--fault', 'chroma,gateway']).faults.map((fault) => fault.name)).toEqual(['kill gateway', 'stop chroma']);
  });
});
