import { ADMIN } from '../support/demo-accounts';
import { GatewaySuite, startGatewaySuite } from './helpers/gateway-suite';

const AGENT = 'ben.agent@smartdesk.example';
const CUSTOMER = 'jamie@example.com';

/** Bull Board at /admin/queues on the real gateway: admins only, under the gateway's CSP. */
describe('observability: queue board', () => {
  let suite: GatewaySuite;

  beforeAll(async () => {
    suite = await startGatewaySuite('int_observability_board');
  }, 60_000);
  afterAll(() => suite?.stop());

  it('serves its page to an admin by bearer token, under the strict script policy', async () => {
    const page = await suite.as[ADMIN].get('/admin/queues');
    expect(page.status).toBe(200);
    expect(page.body).toContain('static/js/main.');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    // The only inline script is JSON data, which a CSP does not block; every executed script is same-origin.
    const inline = [...String(page.body).matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((match) => match[1]);
    expect(inline.every((attributes) => attributes.includes('type="application/json"'))).toBe(true);

    const queues = await suite.as[ADMIN].get('/admin/queues/api/queues');
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((queue: { name: string }) => queue.name)).toEqual(expect.arrayContaining(['categorization', 'sentiment', 'rag-response', 'escalation']));
    expect(queues.body.queues.every((queue: { readOnlyMode: boolean }) => queue.readOnlyMode)).toBe(true);
  });

  it('serves an admin signed in by the session cookie', async () => {
    const login = await fetch(`${suite.api.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN, password: suite.password }),
    });
    const cookie = login.headers
      .getSetCookie()
      .find((line) => line.startsWith('sd_session='))!
      .split(';')[0];
    expect((await suite.api.withCookie(cookie).get('/admin/queues/api/queues')).status).toBe(200);
  });

  it.each([
    ['an agent', AGENT, 403],
    ['a customer', CUSTOMER, 403],
  ])('refuses %s with %i and a JSON reason', async (_who, email, status) => {
    for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
      const response = await suite.as[email].get(path);
      expect({ path, status: response.status }).toEqual({ path, status });
      expect(response.body.message).toMatch(/only an admin/);
    }
  });

  it('refuses anonymous callers with 401', async () => {
    const response = await suite.api.get('/admin/queues/api/queues');
    expect(response.status).toBe(401);
    expect(response.body.message).toMatch(/sign in/);
  });
});
