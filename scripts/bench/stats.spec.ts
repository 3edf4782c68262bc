import { percentile, ratePerSecond, round, summarize } from './stats';

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose

  it('picks the sample at the rank ceil(p/100 * n)', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([3, 1, 2], 50)).toBe(2);
    expect(percentile([10, 20, 30, 40], 50)).toBe(20);
    expect(percentile([10, 20, 30, 40], 51)).toBe(30);
  });

  it('gives the smallest sample at p0 and the only sample for n = 1', () => {
    expect(percentile(hundred, 0)).toBe(1);
    expect(percentile([7], 99)).toBe(7);
  });

  it('does not reorder the caller’s array', () => {
    const samples = [3, 1, 2];
    percentile(samples, 50);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('is NaN without samples and rejects p outside 0..100', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], -1)).toThrow(RangeError);
    expect(() => percentile([1], NaN)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('reports n, p50, p95, p99 and max rounded to 0.1 ms', () => {
    const samples = Array.from({ length: 1000 }, (_, i) => (i + 1) / 3);
    expect(summarize(samples)).toEqual({ n: 1000, p50: 166.7, p95: 316.7, p99: 330, max: 333.3 });
  });

  it('is NaN everywhere but n for no samples', () => {
    expect(summarize([])).toEqual({ n: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN });
  });
});

describe('ratePerSecond', () => {
  it('divides a count by a window in ms', () => {
    expect(ratePerSecond(3000, 1500)).toBe(2000);
    expect(ratePerSecond(1, 3)).toBe(333.3);
  });

  it('is 0 for nothing counted or an empty window', () => {
    expect(ratePerSecond(0, 1000)).toBe(0);
    expect(ratePerSecond(10, 0)).toBe(0);
  });
});

describe('round', () => {
  it('rounds to the given digits and leaves non-finite values alone', () => {
    expect(round(1.23456)).toBe(1.235);
    expect(round(1.25, 1)).toBe(1.3);
    expect(round(NaN)).toBeNaN();
    expect(round(Infinity)).toBe(Infinity);
  });
});
