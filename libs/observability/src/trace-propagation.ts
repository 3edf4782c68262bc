import { Attributes, context, propagation, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Job } from 'bullmq';
import type { TraceCarrier } from '@smartdesk/contracts';

/**
 * BullMQ 5 has no OpenTelemetry integration of its own (bullmq-otel needs BullMQ 6), so a ticket's trace travels
 * in the payload: intake stores the request's context in the outbox row, the relay publishes each row under a
 * producer span whose context goes into the jobs, and each job runs under a consumer span continuing it.
 * Without an SDK (no OTLP endpoint) the API below is OpenTelemetry's no-op: nothing is stored or recorded.
 */
const tracer = trace.getTracer('smartdesk');

/** The active trace context to store with a payload; undefined outside a span (always when tracing is off). */
export function currentTraceCarrier(): TraceCarrier | undefined {
  if (!trace.getActiveSpan()) return undefined;
  const carrier: TraceCarrier = {};
  propagation.inject(context.active(), carrier);
  return Object.keys(carrier).length > 0 ? carrier : undefined;
}

/** The payload with a trace context attached; unchanged without one. */
export function withTrace<P extends { trace?: TraceCarrier }>(payload: P, carrier: TraceCarrier | undefined): P {
  return carrier ? { ...payload, trace: carrier } : payload;
}

/** The trace and span ids of the active span, for log lines. */
export function activeTraceIds(): { traceId: string; spanId: string } | undefined {
  const span = trace.getActiveSpan();
  if (!span?.isRecording()) return undefined;
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
}

/** Runs one job under a consumer span, child of the trace its producer stored in the payload (a root without one). */
export function inJobSpan<T>(queue: string, job: Pick<Job, 'id' | 'name' | 'data' | 'attemptsMade'>, work: () => Promise<T>): Promise<T> {
  const data = (job.data ?? {}) as { trace?: TraceCarrier; ticketId?: unknown };
  const parent = data.trace ? propagation.extract(ROOT_CONTEXT, data.trace) : ROOT_CONTEXT;
  const attributes: Attributes = {
    // OpenTelemetry's messaging conventions, by name: their constants are still in the incubating entry point.
    'messaging.system': 'bullmq',
    'messaging.operation.type': 'process',
    'messaging.destination.name': queue,
    'messaging.message.id': job.id,
    'smartdesk.job.name': job.name,
    'smartdesk.job.attempt': job.attemptsMade + 1,
    ...(typeof data.ticketId === 'string' ? { 'smartdesk.ticket.id': data.ticketId } : {}),
  };
  return tracer.startActiveSpan(`process ${queue}`, { kind: SpanKind.CONSUMER, attributes }, parent, (span) => endWith(span, work));
}

/** Runs `work` under a span of its own, child of the active one (a root outside any, e.g. an SMTP session). */
export function inSpan<T>(name: string, attributes: Attributes, work: () => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, (span) => endWith(span, work));
}

/** A producer span for one message to publish; `carrier` is what the published jobs must carry to be its children. */
export interface ProducerSpan {
  carrier: TraceCarrier | undefined;
  end(error?: Error): void;
}

/** Starts a producer span continuing `stored` (the trace a payload was written under); none for an untraced payload. */
export function startProducerSpan(name: string, stored: TraceCarrier | undefined, attributes: Attributes): ProducerSpan {
  if (!stored) return { carrier: undefined, end: () => undefined };
  const parent = propagation.extract(ROOT_CONTEXT, stored);
  const span = tracer.startSpan(name, { kind: SpanKind.PRODUCER, attributes: { 'messaging.system': 'bullmq', 'messaging.operation.type': 'send', ...attributes } }, parent);
  const carrier: TraceCarrier = {};
  propagation.inject(trace.setSpan(parent, span), carrier);
  return {
    // This process may not trace (no propagator to inject with): the stored context then travels on unchanged.
    carrier: Object.keys(carrier).length > 0 ? carrier : stored,
    end: (error) => {
      if (error) fail(span, error);
      span.end();
    },
  };
}

async function endWith<T>(span: Span, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    fail(span, error as Error);
    throw error;
  } finally {
    span.end();
  }
}

function fail(span: Span, error: Error): void {
  span.recordException(error);
  span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
}
