import { ConsoleLogger, LoggerService, LogLevel } from '@nestjs/common';
import { currentLogContext } from './log-context';
import { activeTraceIds } from './trace-propagation';

/**
 * Nest's own ConsoleLogger in its JSON mode (one compact JSON object per line), plus the request and job
 * context of the line and, while tracing, its trace and span ids. Chosen over pino so every existing `new Logger(...)` call keeps working unchanged;
 * our lines never carry headers or bodies, so there is nothing for a redaction list to strip.
 */
export class StructuredLogger extends ConsoleLogger {
  protected override getJsonLogObject(message: unknown, options: Parameters<ConsoleLogger['getJsonLogObject']>[1]) {
    return { ...super.getJsonLogObject(message, options), ...currentLogContext(), ...activeTraceIds() };
  }
}

export type LogFormat = 'json' | 'pretty';

/** The app logger for a format and levels; pretty is Nest's usual coloured text. */
export function createAppLogger(format: LogFormat, logLevels: LogLevel[]): LoggerService {
  return format === 'json' ? new StructuredLogger({ json: true, logLevels }) : new ConsoleLogger({ logLevels });
}
