export interface MicroBatcherOptions {
  /** Most items one write takes. */
  maxBatch: number;
  /** Batches in flight at once; items arriving meanwhile wait and go together in the next one. */
  maxInFlight: number;
}

interface Pending<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Turns concurrent single-item calls into batch calls (group commit for writes, one `= ANY($1)` for
 * reads): the items that arrive while a batch is in flight go together into the next one. An idle
 * process calls at once (no added latency); a busy one makes one round trip for many items. `write`
 * must be atomic and return one output per item, in order. When a batch of several items fails, each
 * is retried alone, so one bad item fails only its own caller.
 */
export class MicroBatcher<I, O> {
  private readonly waiting: Pending<I, O>[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly call: (items: I[]) => Promise<O[]>,
    private readonly options: MicroBatcherOptions,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Items not yet handed to a batch. */
  get backlog(): number {
    return this.waiting.length;
  }

  /** Starts batches after the current I/O phase, so the calls it delivered all join the same batch. */
  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.options.maxInFlight) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      while (this.inFlight < this.options.maxInFlight && this.waiting.length > 0) {
        void this.run(this.waiting.splice(0, this.options.maxBatch));
      }
    });
  }

  private async run(batch: Pending<I, O>[]): Promise<void> {
    this.inFlight++;
    try {
      const outputs = await this.call(batch.map((pending) => pending.item));
      batch.forEach((pending, index) => pending.resolve(outputs[index]));
    } catch (error) {
      if (batch.length === 1) batch[0].reject(error);
      else for (const pending of batch) this.call([pending.item]).then(([output]) => pending.resolve(output), pending.reject);
    } finally {
      this.inFlight--;
      this.schedule();
    }
  }
}
