import { Injectable } from '@nestjs/common';

/**
 * The time, for everything that measures or schedules by it (SLA clocks, checkpoints). Injected so that
 * tests can hold time still and move it on, instead of waiting real minutes.
 */
export abstract class Clock {
  abstract now(): Date;

  /** Real milliseconds to wait until this clock reads `instant` (0 when it has passed). */
  msUntil(instant: Date): number {
    return Math.max(0, instant.getTime() - this.now().getTime());
  }
}

@Injectable()
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
