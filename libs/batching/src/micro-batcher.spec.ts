import { MicroBatcher } from './micro-batcher';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('MicroBatcher', () => {
  it('calls at once for a lone item, and batches the items arriving during a call', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const commit = new MicroBatcher<number, string>(
      async (items) => {
        batches.push(items);
        if (batches.length === 1) await gate;
        return items.map((item) => `#${item}`);
      },
      { maxBatch: 10, maxInFlight: 1 },
    );
    const first = commit.submit(1);
    await tick();
    const rest = [2, 3, 4].map((item) => commit.submit(item));
    await tick();
    expect(batches).toEqual([[1]]);
    expect(commit.backlog).toBe(3);
    release();
    await expect(Promise.all([first, ...rest])).resolves.toEqual(['#1', '#2', '#3', '#4']);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('caps a batch at maxBatch', async () => {
    const sizes: number[] = [];
    const commit = new MicroBatcher<number, number>(async (items) => (sizes.push(items.length), items), { maxBatch: 3, maxInFlight: 2 });
    await Promise.all(Array.from({ length: 7 }, (_, i) => commit.submit(i)));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(7);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(3);
  });

  it('fails only the bad item of a failed batch: the others are retried alone', async () => {
    const commit = new MicroBatcher<number, number>(
      async (items) => {
        if (items.includes(13)) throw new Error('13 is refused');
        return items.map((item) => item * 2);
      },
      { maxBatch: 10, maxInFlight: 1 },
    );
    const results = await Promise.allSettled([1, 13, 3].map((item) => commit.submit(item)));
    expect(results).toEqual([
      { status: 'fulfilled', value: 2 },
      { status: 'rejected', reason: new Error('13 is refused') },
      { status: 'fulfilled', value: 6 },
    ]);
  });
});
