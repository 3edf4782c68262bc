import type { Runnable } from '@langchain/core/runnables';
import { BrokenCircuitError } from 'cockatiel';
import { llmCalls, llmFallbacks } from '@smartdesk/observability';
import { llmBreaker } from './llm-breaker';

/** What an LLM call is for: the label of its metrics. */
export type LlmPurpose = 'category-judge' | 'grounded-answer' | 'translation' | 'summary' | 'assistant';

/**
 * Runs one LLM call, abandoned after `timeoutMs` whatever the server does (it never holds a pipeline stage longer),
 * through the process's circuit breaker: while it is open the call fails at once, without reaching the server.
 * A call that throws sends its caller to the offline result, so each failure is also counted as a fallback.
 */
export async function invokeWithin<I, O>(purpose: LlmPurpose, runnable: Runnable<I, O>, input: I, timeoutMs: number): Promise<O> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const output = await llmBreaker().execute(() => runnable.invoke(input, { signal }));
    llmCalls.inc({ purpose, outcome: 'success' });
    return output;
  } catch (error) {
    llmCalls.inc({ purpose, outcome: error instanceof BrokenCircuitError ? 'short-circuited' : signal.aborted ? 'timeout' : 'error' });
    llmFallbacks.inc({ purpose });
    throw error;
  }
}
