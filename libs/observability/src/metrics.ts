import { collectDefaultMetrics, Counter, Gauge, Histogram, register } from 'prom-client';

/**
 * Every Smartdesk metric, in prom-client's global registry: one process, one registry, so any library
 * (runtime, llm, the gateway) records into it without wiring, and /metrics exposes all of it.
 * Names are part of the operator's contract (dashboards, alerts, KEDA): add, never rename.
 */
export const metricsRegistry = register;

let processMetricsStarted = false;
/** Node's default process metrics (CPU, memory, event-loop lag, GC), prefixed like ours. Idempotent. */
export function collectProcessMetrics(app: string): void {
  if (processMetricsStarted) return;
  processMetricsStarted = true;
  metricsRegistry.setDefaultLabels({ app });
  collectDefaultMetrics({ register: metricsRegistry, prefix: 'smartdesk_' });
}

export const httpRequestDuration = new Histogram({
  name: 'smartdesk_http_request_duration_seconds',
  help: 'Gateway HTTP requests by method, route template and status code',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
});

export const stageDuration = new Histogram({
  name: 'smartdesk_stage_duration_seconds',
  help: 'Pipeline stage jobs by stage and outcome (completed, failed)',
  labelNames: ['stage', 'outcome'] as const,
  // Stages span milliseconds (rules) to many seconds (an LLM reply within LLM_TIMEOUT_MS).
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
});

export const jobFailures = new Counter({
  name: 'smartdesk_job_failures_total',
  help: 'Failed job attempts per queue; final: no attempt left (or unrecoverable), otherwise BullMQ retries it',
  labelNames: ['queue', 'final'] as const,
});

export const jobRetries = new Counter({
  name: 'smartdesk_job_retries_total',
  help: 'Failed job attempts that BullMQ will retry, per queue',
  labelNames: ['queue'] as const,
});

export const postgresConflicts = new Counter({
  name: 'smartdesk_postgres_conflicts_total',
  help: 'Postgres deadlocks (40P01) and serialization failures (40001) seen, by SQLSTATE and where',
  labelNames: ['sqlstate', 'where'] as const,
});

export const llmCalls = new Counter({
  name: 'smartdesk_llm_calls_total',
  help: 'LLM calls by purpose and outcome (success, error, timeout, short-circuited by the open breaker)',
  labelNames: ['purpose', 'outcome'] as const,
});

export const llmFallbacks = new Counter({
  name: 'smartdesk_llm_fallbacks_total',
  help: 'LLM calls that ended on the offline path (rules/model result) instead of an LLM answer, by purpose',
  labelNames: ['purpose'] as const,
});

export const llmBreakerState = new Gauge({
  name: 'smartdesk_llm_breaker_state',
  help: 'The LLM circuit breaker: 0 closed (calls go out), 1 open (calls go straight offline), 2 half-open (one trial call)',
});

/**
 * Outbox messages stored but not yet published, read from `source` on scrape. Only the process that owns the
 * outbox (the gateway) registers it, so no other process reports a misleading 0.
 */
export function measureOutboxPending(source: () => Promise<number>): void {
  if (metricsRegistry.getSingleMetric('smartdesk_outbox_pending')) return;
  new Gauge({
    name: 'smartdesk_outbox_pending',
    help: 'Outbox messages stored but not yet published to BullMQ (read on scrape)',
    registers: [metricsRegistry],
    async collect() {
      this.set(await source());
    },
  });
}
