import { performance } from 'node:perf_hooks';

/**
 * Polls until `check` returns a value (not undefined/false) or the timeout passes. The deadline is on the
 * monotonic clock, and the last check always runs after it, following a pause for pending I/O: a stalled
 * or paused machine (a wall-clock jump) makes a slow pass, never a false timeout. `what` may be a function
 * that describes, at the timeout, what was seen instead.
 */
export async function waitFor<T>(check: () => Promise<T | undefined | false>, timeoutMs = 10_000, what: string | (() => string | Promise<string>) = 'condition'): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  let lastError: unknown;
  let finalCheck = false;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (finalCheck) {
      const described = typeof what === 'function' ? await what() : what;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${described}${lastError ? `: ${lastError}` : ''}`);
    }
    finalCheck = performance.now() > deadline;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
