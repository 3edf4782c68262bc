import type { Queue } from 'bullmq';
import { Clock } from '@smartdesk/operations';

/**
 * A clock that stands still until the test moves it. It remembers what it read at each real instant, so
 * that the fake time a delayed job is due at can be worked out from the job's real timestamp and delay.
 */
export class FakeClock extends Clock {
  private readonly readings: { realMs: number; fakeMs: number }[] = [];

  constructor(start: Date) {
    super();
    this.set(start);
  }

  now(): Date {
    return new Date(this.readings[this.readings.length - 1].fakeMs);
  }

  set(instant: Date): void {
    this.readings.push({ realMs: Date.now(), fakeMs: instant.getTime() });
  }

  /** What the clock read at a real instant. */
  readingAt(realMs: number): number {
    const reading = [...this.readings].reverse().find((entry) => entry.realMs <= realMs) ?? this.readings[0];
    return reading.fakeMs;
  }

  /** The fake instant a delayed job comes due: when it was added (by this clock) plus its delay. */
  dueAt(job: { timestamp: number; delay: number }): Date {
    return new Date(this.readingAt(job.timestamp) + job.delay);
  }

  /**
   * Moves the clock on and has BullMQ run the delayed jobs that are due by then (what the passing of
   * real time would do); returns the ids of the jobs it promoted.
   */
  async advanceTo(instant: Date, queue: Queue): Promise<string[]> {
    this.set(instant);
    const promoted: string[] = [];
    for (const job of await queue.getDelayed()) {
      if (this.dueAt(job) <= instant) {
        await job.promote();
        promoted.push(job.id!);
      }
    }
    return promoted;
  }
}
