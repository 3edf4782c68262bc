import type { TraceCarrier } from '@smartdesk/contracts';
import { currentTraceCarrier, inJobSpan, startProducerSpan, withTrace } from './trace-propagation';
import { startTracing, tracingConfigured } from './tracing';

/** Tracing off (no OTLP endpoint, the offline default): nothing is stored with jobs and jobs run as before. */
describe('tracing when no endpoint is configured', () => {
  const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

  it('is configured by an OTLP endpoint only, and does not start without one', () => {
    expect(tracingConfigured({})).toBe(false);
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(true);
    expect(startTracing('gateway', {})).toBe(false);
  });

  it('stores no trace context with a payload', () => {
    const payload: { v: 1; ticketId: string; revision: number; trace?: TraceCarrier } = { v: 1, ticketId: 't1', revision: 1 };
    expect(currentTraceCarrier()).toBeUndefined();
    expect(withTrace(payload, currentTraceCarrier())).toBe(payload);
  });

  it('runs a job and hands back its result or its error', async () => {
    const job = { id: 'j1', name: 'categorize-ticket', data: { v: 1, ticketId: 't1', trace: { traceparent } }, attemptsMade: 0 };
    await expect(inJobSpan('categorization', job, async () => 'done')).resolves.toBe('done');
    await expect(inJobSpan('categorization', job, async () => Promise.reject(new Error('stage failed')))).rejects.toThrow('stage failed');
  });

  it('passes a stored trace context on unchanged, and adds none to an untraced message', () => {
    const stored = startProducerSpan('publish ticket.created', { traceparent }, {});
    expect(stored.carrier).toEqual({ traceparent });
    stored.end();
    expect(startProducerSpan('publish ticket.created', undefined, {}).carrier).toBeUndefined();
  });
});
