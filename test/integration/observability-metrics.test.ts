import { QueueName } from '@smartdesk/contracts';
import { ApiClient, sampleTicket } from '../support/api-client';
import { AppName, AppProcess, stopAll, WORKERS } from '../support/app-process';
import { ADMIN, seedDemoAccounts } from '../support/demo-accounts';
import { freePort } from '../support/free-port';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';
import { waitFor } from '../support/wait-for';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Prometheus text exposition as samples (comments skipped); enough of the format for our own output. */
function parseExposition(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not an exposition line: ${line}`);
      const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key, value]) => [key, value]));
      return { name: match[1], labels, value: Number(match[3]) };
    });
}

const STAGE_OF_WORKER: Record<string, string> = {
  'categorization-worker': 'categorization',
  'sentiment-worker': 'sentiment',
  'rag-worker': 'rag-response',
  'escalation-worker': 'escalation',
};

/** The gateway and the four workers, each with its own metrics port, scraped after a ticket went through. */
describe('observability: Prometheus metrics', () => {
  let env: TestEnvironment;
  const apps: AppProcess[] = [];
  const metricsPorts: Partial<Record<AppName, number>> = {};
  let api: ApiClient;
  let admin: ApiClient;
  let publicPort: number;

  const scrape = async (app: AppName) => {
    const response = await fetch(`http://127.0.0.1:${metricsPorts[app]}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parseExposition(await response.text());
  };
  const find = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
    samples.filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value));

  beforeAll(async () => {
    env = await createTestEnvironment('int_observability_metrics');
    publicPort = await freePort();
    for (const app of ['gateway', ...WORKERS] as AppName[]) {
      metricsPorts[app] = await freePort();
      apps.push(await AppProcess.start(app, { ...env.vars, PORT: String(publicPort), METRICS_PORT: String(metricsPorts[app]) }));
    }
    api = new ApiClient(`http://127.0.0.1:${publicPort}`);
    admin = await api.signIn(ADMIN, (await seedDemoAccounts(env.vars)).password);
  }, 120_000);

  afterAll(async () => {
    await stopAll(apps);
    await env?.cleanup();
  });

  it('after a ticket went through: stage histograms, queue depth for every queue, request durations by route template', async () => {
    const created = await api.post('/api/tickets', sampleTicket());
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    // The suggested response may land after escalation: wait for the ticket to carry all four stages' output.
    await waitFor(
      async () => {
        const { body } = await admin.get(`/api/tickets/${id}`);
        return body.results?.categorization && body.results.sentiment && body.results.escalation && body.suggestedResponse;
      },
      30_000,
      `ticket ${id} through every stage`,
    );
    await admin.get(`/api/tickets/${id}`);

    const gateway = await scrape('gateway');
    // Queue depth: the gateway reports every queue, each state a count ≥ 0; the ticket left no job waiting.
    for (const queue of Object.values(QueueName)) {
      for (const state of ['waiting', 'active', 'delayed', 'failed']) {
        const [sample] = find(gateway, 'smartdesk_queue_jobs', { queue, state });
        expect({ queue, state, present: sample !== undefined }).toEqual({ queue, state, present: true });
        expect(sample.value).toBeGreaterThanOrEqual(0);
      }
      expect(find(gateway, 'smartdesk_queue_oldest_waiting_seconds', { queue })).toHaveLength(1);
    }
    expect(find(gateway, 'smartdesk_queue_jobs', { queue: QueueName.Categorization, state: 'waiting' })[0].value).toBe(0);
    // Requests by route template (never the concrete id), with the status.
    const reads = find(gateway, 'smartdesk_http_request_duration_seconds_count', { method: 'GET', route: '/api/tickets/:id', status: '200' });
    expect(reads).toHaveLength(1);
    expect(reads[0].value).toBeGreaterThanOrEqual(2);
    expect(find(gateway, 'smartdesk_http_request_duration_seconds_count', { method: 'POST', route: '/api/tickets', status: '201' })[0]?.value).toBeGreaterThanOrEqual(1);
    expect(gateway.some((sample) => sample.labels.route?.includes(id))).toBe(false);
    expect(find(gateway, 'smartdesk_outbox_pending')).toEqual([expect.objectContaining({ value: expect.any(Number) })]);
    expect(find(gateway, 'smartdesk_outbox_pending')[0].value).toBeGreaterThanOrEqual(0);
    // Default process metrics, labelled with the app.
    expect(find(gateway, 'smartdesk_process_resident_memory_bytes', { app: 'gateway' })[0]?.value).toBeGreaterThan(1_000_000);

    for (const worker of WORKERS) {
      const stage = STAGE_OF_WORKER[worker];
      // A stage's result is visible a moment before its job ends (and is timed): wait for the observation.
      const samples = await waitFor(
        async () => {
          const scraped = await scrape(worker);
          return find(scraped, 'smartdesk_stage_duration_seconds_count', { stage, outcome: 'completed', app: worker }).length > 0 && scraped;
        },
        15_000,
        `${worker} to time a ${stage} job`,
      );
      const count = find(samples, 'smartdesk_stage_duration_seconds_count', { stage, outcome: 'completed', app: worker });
      expect(count[0].value).toBeGreaterThanOrEqual(1);
      const sum = find(samples, 'smartdesk_stage_duration_seconds_sum', { stage, outcome: 'completed' })[0].value;
      expect(sum).toBeGreaterThan(0);
      expect(sum).toBeLessThan(60 * count[0].value);
      // A worker reports the depth of its own queues.
      expect(find(samples, 'smartdesk_queue_jobs', { queue: stage, state: 'waiting' })).toHaveLength(1);
    }
  });

  it('serves only GET /metrics on the metrics port, and nothing of it on the public port', async () => {
    expect((await fetch(`http://127.0.0.1:${metricsPorts.gateway}/api/tickets`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${metricsPorts.gateway}/metrics`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${publicPort}/metrics`)).status).not.toBe(200);
  });
});
