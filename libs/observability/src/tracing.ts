import type { NodeSDK } from '@opentelemetry/sdk-node';

/** Probes and scrapes arrive every few seconds and say nothing about a ticket: no trace for them. */
const UNTRACED_PATHS = /^\/(health|metrics)(\/|\?|$)/;
/** A stopping process waits this long at most for its last spans to leave (the launcher's stop bound is 10 s). */
const FLUSH_BOUND_MS = 1_000;

let sdk: NodeSDK | undefined;

/** Tracing is on when an OTLP endpoint is configured; without one nothing of the SDK is even loaded. */
export function tracingConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/**
 * Starts OpenTelemetry tracing for one app, when configured. It must run before Nest, pg and http are loaded
 * so the instrumentations patch them: each main.ts imports `@smartdesk/observability/start-tracing` first.
 * Exporter protocol, sampler, propagators and resource attributes follow the standard OTEL_* variables;
 * the SDK exports traces only (metrics stay on Prometheus' /metrics, logs on stdout).
 */
export function startTracing(service: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (sdk || !tracingConfigured(env)) return false;
  // required, not imported: a process without an endpoint never loads the SDK.
  const { NodeSDK } = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  sdk = new NodeSDK({
    serviceName: service,
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.test(request.url ?? ''), requireParentforOutgoingSpans: true }),
      // Queries outside a request or job (outbox sweeps, pollers) would each start a trace of one span.
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();
  return true;
}

/** Sends the spans still buffered, for at most FLUSH_BOUND_MS; called once by a stopping process. */
export async function flushTracing(): Promise<void> {
  if (!sdk) return;
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, FLUSH_BOUND_MS)));
  await Promise.race([sdk.shutdown().catch(() => undefined), bound]);
  clearTimeout(timer);
}
