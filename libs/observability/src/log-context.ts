import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line written while handling one request or job carries. */
export interface LogContext {
  requestId?: string;
  ticketId?: string;
  jobId?: string;
  queue?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

/** Runs `work` with `context` attached to every log line it writes, however deep the calls and awaits go. */
export function runWithLogContext<T>(context: LogContext, work: () => T): T {
  return storage.run({ ...storage.getStore(), ...context }, work);
}

export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}
