import { circuitBreaker, CircuitBreakerPolicy, CircuitState, ConsecutiveBreaker, handleAll } from 'cockatiel';
import { llmBreakerState } from '@smartdesk/observability';

export interface LlmBreakerSettings {
  /** Consecutive failed or timed-out calls that open the breaker. */
  failures: number;
  /** How long it stays open before one trial call may go through (half-open). */
  halfOpenAfterMs: number;
}

/** cockatiel's breaker rather than our own: its half-open trial (one call at a time) is the subtle part. */
function createBreaker(settings: LlmBreakerSettings): CircuitBreakerPolicy {
  const breaker = circuitBreaker(handleAll, { halfOpenAfter: settings.halfOpenAfterMs, breaker: new ConsecutiveBreaker(settings.failures) });
  llmBreakerState.set(CircuitState.Closed);
  breaker.onStateChange((state) => llmBreakerState.set(state));
  return breaker;
}

/**
 * One breaker per process, shared by every LLM call: they all reach the same endpoint, so an outage seen by
 * one job spares the next ones the timeout. Defaults match the environment's; LlmModule applies the settings.
 */
let breaker = createBreaker({ failures: 3, halfOpenAfterMs: 30_000 });

export function configureLlmBreaker(settings: LlmBreakerSettings): void {
  breaker = createBreaker(settings);
}

export const llmBreaker = (): CircuitBreakerPolicy => breaker;
