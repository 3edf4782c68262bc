import { createTransport } from 'nodemailer';
import { JobName } from '@smartdesk/contracts';
import { sampleTicket } from '../support/api-client';
import { WORKERS } from '../support/app-process';
import { ADMIN } from '../support/demo-accounts';
import { freePort } from '../support/free-port';
import { OtlpReceiver, ReceivedSpan } from '../support/otlp-receiver';
import { SmtpReceiver } from '../support/smtp-receiver';
import { waitFor } from '../support/wait-for';
import { GatewaySuite, startGatewaySuite } from './helpers/gateway-suite';

const SUPPORT = 'support@example.com';
const SERVER = 2;
const PRODUCER = 4;
const CONSUMER = 5;
/** Each worker's stage queue: the span name its stage job runs under. */
const STAGE_SPANS = { 'categorization-worker': 'process categorization', 'sentiment-worker': 'process sentiment', 'rag-worker': 'process rag-response', 'escalation-worker': 'process escalation' };

/**
 * OpenTelemetry across the real processes: a collector stands in for the OTLP endpoint, and a ticket is one trace
 * from where it entered (the gateway's request, the mail worker's inbound mail) through all four stage workers.
 */
describe('tracing', () => {
  const collector = new OtlpReceiver();
  const smtp = new SmtpReceiver();
  let suite: GatewaySuite;
  let mailPort: number;

  beforeAll(async () => {
    await Promise.all([collector.start(), smtp.start()]);
    mailPort = await freePort();
    suite = await startGatewaySuite('int_tracing', {
      workers: [...WORKERS, 'mail-worker'],
      vars: {
        OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_BSP_SCHEDULE_DELAY: '100',
        LOG_FORMAT: 'json',
        LOG_LEVEL: 'debug',
        MAIL_SMTP_URL: smtp.url,
        MAIL_FROM: SUPPORT,
        MAIL_SMTP_LISTEN_PORT: String(mailPort),
      },
    });
  }, 240_000); // six apps, started one by one

  afterAll(async () => {
    await suite?.stop();
    await Promise.all([collector.stop(), smtp.stop()]);
  });

  /** The four stage spans of a ticket, once every worker has exported its own. */
  const stageSpans = (ticketId: string) =>
    waitFor(
      async () => {
        const spans = Object.entries(STAGE_SPANS).map(([service, name]) =>
          collector.spans.find((span) => span.service === service && span.name === name && span.attributes['smartdesk.ticket.id'] === ticketId),
        );
        return spans.every(Boolean) ? (spans as ReceivedSpan[]) : undefined;
      },
      30_000,
      () => `the stage spans of ticket ${ticketId}; received: ${[...new Set(collector.spans.map((span) => `${span.service} ${span.name}`))].join(', ')}`,
    );
  const described = (spans: ReceivedSpan[]) => spans.map((span) => `${span.service}: ${span.name}`);

  it('follows a ticket posted to the gateway through the four stage workers in one trace', async () => {
    const created = await suite.api.post('/api/tickets', sampleTicket());
    expect(created.status).toBe(201);
    const stages = await stageSpans(created.body.id);

    for (const stage of stages) {
      expect(stage).toMatchObject({ traceId: stages[0].traceId, kind: CONSUMER });
      const [publish, request, ...above] = collector.ancestors(stage);
      expect(described([publish, request])).toEqual(['gateway: publish ticket.created', 'gateway: POST']);
      expect(publish.kind).toBe(PRODUCER);
      expect(request).toMatchObject({ kind: SERVER, parentSpanId: undefined });
      expect(request.attributes['http.target'] ?? request.attributes['url.path']).toBe('/api/tickets');
      expect(above).toEqual([]);
      // Postgres was instrumented before the app loaded it: each stage's queries are its children.
      expect(collector.spans.filter((span) => span.parentSpanId === stage.spanId && span.attributes['db.system.name'] === 'postgresql').length).toBeGreaterThan(0);
    }
    const logged = suite.workers
      .find((worker) => worker.name === 'categorization-worker')!
      .output.filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line));
    expect(logged).toContainEqual(expect.objectContaining({ ticketId: created.body.id, traceId: stages[0].traceId }));
  });

  it('traces a mailed ticket from the mail worker through the stages, and the reply from the agent to its sending', async () => {
    const forwarder = createTransport({ host: '127.0.0.1', port: mailPort, secure: false, ignoreTLS: true });
    await forwarder.sendMail({ from: 'Xena <xena@customer.example>', to: SUPPORT, subject: 'Broken zip', text: 'The zip on my jacket broke after a week.' }).finally(() => forwarder.close());
    const ticket = await waitFor(async () => (await suite.db.rows(`SELECT id FROM tickets WHERE customer_email = 'xena@customer.example'`))[0], 20_000, 'the mailed ticket');
    for (const stage of await stageSpans(ticket.id)) {
      expect(described(collector.ancestors(stage))).toEqual(['mail-worker: publish ticket.created', 'mail-worker: receive mail']);
    }

    const reply = await suite.as[ADMIN].post(`/api/tickets/${ticket.id}/messages`, { body: 'A new zip is on its way.' });
    expect(reply.status).toBe(201);
    const sent = await waitFor(async () => collector.spans.find((span) => span.service === 'mail-worker' && span.attributes['smartdesk.job.name'] === JobName.SendMail), 20_000, 'the send-mail span');
    expect(smtp.received.map((mail) => mail.to)).toContainEqual(['xena@customer.example']);
    const [publish, request] = collector.ancestors(sent);
    expect(described([publish, request])).toEqual(['gateway: publish mail.queued', 'gateway: POST']);
    expect(request.attributes['http.target'] ?? request.attributes['url.path']).toBe(`/api/tickets/${ticket.id}/messages`);
  });
});
