import { randomUUID } from 'node:crypto';
import { sampleTicket } from '../support/api-client';
import { AppProcess, stopAll } from '../support/app-process';
import { freePort } from '../support/free-port';
import { createTestEnvironment, TestEnvironment } from '../support/test-environment';
import { waitFor } from '../support/wait-for';

/** Structured logs (LOG_FORMAT=json) on the real gateway and a real worker: request ids, and job context on a stage's lines. */
describe('observability: structured logs', () => {
  let env: TestEnvironment;
  let apps: AppProcess[] = [];
  let worker: AppProcess;
  let base: string;

  beforeAll(async () => {
    env = await createTestEnvironment('int_observability_logs');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const vars = { ...env.vars, PORT: String(port), LOG_FORMAT: 'json', LOG_LEVEL: 'debug' };
    apps = [await AppProcess.start('gateway', vars)];
    worker = await AppProcess.start('categorization-worker', vars);
    apps.push(worker);
  }, 90_000);

  afterAll(async () => {
    await stopAll(apps);
    await env?.cleanup();
  });

  const postTicket = (headers: Record<string, string> = {}) =>
    fetch(`${base}/api/tickets`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(sampleTicket()) });

  it("echoes the caller's X-Request-Id, makes one when absent, and replaces one that is not a plain token", async () => {
    const given = `req-${randomUUID()}`;
    expect((await postTicket({ 'x-request-id': given })).headers.get('x-request-id')).toBe(given);
    expect((await postTicket()).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const injected = await postTicket({ 'x-request-id': 'a"b c' });
    expect(injected.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("a worker's lines during a stage are JSON objects carrying the ticket id, job id and queue", async () => {
    const response = await postTicket();
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const stageLines = await waitFor(
      async () => {
        const lines = worker.output.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
        const mine = lines.filter((line) => line.ticketId === id);
        return mine.length > 0 && mine;
      },
      20_000,
      () => `a log line with ticketId ${id}; saw:\n${worker.output.slice(-10).join('\n')}`,
    );
    expect(stageLines[0]).toMatchObject({ level: 'debug', context: 'StageProcessor', queue: 'categorization', jobId: expect.stringMatching(/\S/), pid: worker.pid });
    expect(stageLines[0].message).toContain(`categorization of ticket ${id} done`);
    // Once the app is up, every line is one JSON object.
    const ready = worker.output.findIndex((line) => line.includes('ready: taking'));
    for (const line of worker.output.slice(ready)) expect(() => JSON.parse(line)).not.toThrow();
  });
});
