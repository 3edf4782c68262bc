import type { Runnable } from '@langchain/core/runnables';

/** Runs one LLM call, abandoned after `timeoutMs` whatever the server does (it never holds a pipeline stage longer). */
export function invokeWithin<I, O>(runnable: Runnable<I, O>, input: I, timeoutMs: number): Promise<O> {
  return runnable.invoke(input, { signal: AbortSignal.timeout(timeoutMs) });
}
