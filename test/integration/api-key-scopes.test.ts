import { API_KEY_SCOPES, scopeFor } from '../../apps/gateway/src/api-keys/api-key-scopes';
import { ApiClient, sampleTicket } from '../support/api-client';
import { ADMIN } from '../support/demo-accounts';
import { Db } from './helpers/database';
import { GatewaySuite, startGatewaySuite } from './helpers/gateway-suite';

/** API keys limited by scopes, an expiry and a per-key quota, on the real gateway. */
describe('API key scopes, expiry and quotas', () => {
  let suite: GatewaySuite;
  let api: ApiClient;
  let admin: ApiClient;
  let db: Db;

  beforeAll(async () => {
    suite = await startGatewaySuite('int_api_key_scopes');
    ({ api, db } = suite);
    admin = suite.as[ADMIN];
  }, 90_000);

  afterAll(() => suite?.stop());

  const userId = async (email: string) => (await db.rows('SELECT id FROM users WHERE email = $1', [email]))[0].id as string;
  const createKey = async (email: string, limits: Record<string, unknown> = {}) => {
    const created = await admin.post('/api/api-keys', { name: `key ${Object.keys(limits).join(' ') || 'plain'}`, userId: await userId(email), ...limits });
    expect(created.status).toBe(201);
    return { id: created.body.id as string, client: api.withApiKey(created.body.key), body: created.body };
  };

  it('a scoped key does what its scopes name, and is refused the rest with 403 naming the missing scope', async () => {
    const { client, body } = await createKey(ADMIN, { scopes: ['tickets:read'] });
    expect(body).toMatchObject({ scopes: ['tickets:read'], expiresAt: null, requestsPerMinute: null });
    expect((await client.get('/api/tickets')).status).toBe(200);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    const write = await client.post('/api/tickets', sampleTicket());
    expect(write.status).toBe(403);
    expect(write.body).toMatchObject({ statusCode: 403, message: expect.stringContaining('lacks the scope tickets:write') });
    const kb = await client.get('/api/kb/articles');
    expect(kb.status).toBe(403);
    expect(kb.body.message).toContain('kb:read');
    expect((await client.get('/api/audit')).body.message).toContain('admin:read');
    expect(await db.count('tickets')).toBe(0);
  });

  it('scopes narrow what the account may do, never widen it', async () => {
    const { client } = await createKey('ana.agent@smartdesk.example', { scopes: ['admin:read', 'tickets:read'] });
    expect((await client.get('/api/audit')).status).toBe(403);
    expect((await client.get('/api/tickets')).status).toBe(200);
  });

  it('a key without scopes acts as its account, as before', async () => {
    const { client } = await createKey(ADMIN);
    expect((await client.get('/api/audit')).status).toBe(200);
    expect((await client.get('/api/kb/articles')).status).toBe(200);
  });

  it('an expired key is refused with 401 saying when it expired', async () => {
    const expiresAt = new Date(Date.now() + 3600_000).toISOString();
    const { id, client } = await createKey(ADMIN, { expiresAt });
    expect((await client.get('/api/auth/me')).status).toBe(200);
    // Its hour passes.
    await db.rows(`UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
    const refused = await client.get('/api/auth/me');
    expect(refused.status).toBe(401);
    expect(refused.body.message).toMatch(/^this API key expired at \d{4}-/);
  });

  it('a key over its own quota gets 429 with Retry-After; other keys are not affected', async () => {
    const { client } = await createKey(ADMIN, { requestsPerMinute: 3 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await client.get('/api/auth/me')).status);
    expect(statuses).toEqual([200, 200, 200]);
    const limited = await client.get('/api/auth/me');
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.body).toMatchObject({ statusCode: 429, message: expect.stringContaining('quota of 3 requests per minute'), retryAfter });
    expect((await (await createKey(ADMIN)).client.get('/api/auth/me')).status).toBe(200);
  });

  it.each([
    [{ scopes: ['tickets:delete'] }, 'scopes'],
    [{ scopes: 'tickets:read' }, 'scopes'],
    [{ expiresAt: '2020-01-01T00:00:00Z' }, 'expiresAt'],
    [{ expiresAt: 'tomorrow' }, 'expiresAt'],
    [{ requestsPerMinute: 0 }, 'requestsPerMinute'],
  ])('400 for %j, naming %s; no key is stored', async (limits, field) => {
    const before = await db.count('api_keys');
    const response = await admin.post('/api/api-keys', { name: 'Bad', userId: await userId(ADMIN), ...limits });
    expect(response.status).toBe(400);
    expect(response.body.fields.map((entry: { field: string }) => entry.field)).toEqual([field]);
    expect(await db.count('api_keys')).toBe(before);
  });

  it('every operation of the API needs a listed scope, or none (sign-in, who am I, health)', async () => {
    const document = (await api.get('/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    const unscoped: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const method of Object.keys(operations)) {
        const scope = scopeFor(path, method.toUpperCase());
        if (scope === null || !path.startsWith('/api/')) unscoped.push(path);
        else expect(API_KEY_SCOPES).toContain(scope);
      }
    }
    expect([...new Set(unscoped)].sort()).toEqual(['/api/auth/login', '/api/auth/logout', '/api/auth/me', '/health', '/health/live', '/health/ready']);
  });
});
