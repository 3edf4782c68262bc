import { BenchUsageError, parseBenchOptions, PARTS } from './bench-options';

describe('parseBenchOptions', () => {
  it('defaults to every part, 50 tickets/s for 60 s and 1 then 2 processes per worker', () => {
    const options = parseBenchOptions([]);
    expect([...options.parts]).toEqual([...PARTS]);
    expect(options).toMatchObject({
      connections: 128,
      rate: 50,
      latencyDuration: 60,
      scales: [1, 2],
      chunks: [10_000, 100_000],
      outDir: 'bench/results',
      profileDir: undefined,
      bareSetup: false,
      rounds: 2,
    });
  });

  it('keeps the bare setup (no teams, agents or routing rules) on request', () => {
    expect(parseBenchOptions(['--bare-setup']).bareSetup).toBe(true);
  });

  it('reads every option', () => {
    const options = parseBenchOptions([
      '--parts',
      'intake,latency',
      '--duration',
      '5',
      '--connections',
      '8',
      '--backlog',
      '500',
      '--scales',
      '1,3',
      '--rate',
      '20',
      '--latency-duration',
      '15',
      '--chunks',
      '100000,2000',
      '--queries',
      '50',
      '--profile',
      '/tmp/p',
      '--out',
      'x',
    ]);
    expect([...options.parts]).toEqual(['intake', 'latency']);
    expect(options).toMatchObject({ duration: 5, connections: 8, backlog: 500, scales: [1, 3], rate: 20, latencyDuration: 15, queries: 50, profileDir: '/tmp/p', outDir: 'x' });
    expect(options.chunks).toEqual([2000, 100_000]);
  });

  it('takes the latency rate as a share of the bare flow, which must then run', () => {
    expect(parseBenchOptions(['--parts', 'bare,latency', '--rate-share', '0.025']).rateShare).toBe(0.025);
    expect(() => parseBenchOptions(['--parts', 'latency', '--rate-share', '0.025'])).toThrow(/needs the bare part/);
    expect(() => parseBenchOptions(['--rate-share', '2.5'])).toThrow(/between 0 and 1/);
  });

  it('names the option that is wrong', () => {
    expect(() => parseBenchOptions(['--parts', 'intake,speed'])).toThrow(/--parts: unknown part 'speed'/);
    expect(() => parseBenchOptions(['--rate', '0'])).toThrow(/--rate takes a positive whole number/);
    expect(() => parseBenchOptions(['--scales', '1,x'])).toThrow(/--scales/);
    expect(() => parseBenchOptions(['--duration', '1.5'])).toThrow(/--duration/);
    expect(() => parseBenchOptions(['--warp'])).toThrow(/warp/);
    expect(() => parseBenchOptions(['--rate'])).toThrow(BenchUsageError);
  });
});
