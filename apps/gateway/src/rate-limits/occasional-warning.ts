import { Logger } from '@nestjs/common';

/** A warning logged at most once a minute: while Redis is away it would otherwise be logged on every request. */
export class OccasionalWarning {
  private readonly logger: Logger;
  private last = 0;

  constructor(context: string) {
    this.logger = new Logger(context);
  }

  warn(message: string): void {
    if (Date.now() - this.last < 60_000) return;
    this.last = Date.now();
    this.logger.warn(message);
  }
}
