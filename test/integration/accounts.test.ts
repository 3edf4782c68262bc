import { randomUUID } from 'node:crypto';
import { ApiClient, sampleTicket } from '../support/api-client';
import { ADMIN, seedDemoAccounts } from '../support/demo-accounts';
import { signToken } from '../support/signed-token';
import type { TestEnvironment } from '../support/test-environment';
import { Db } from './helpers/database';
import { GatewaySuite, startGatewaySuite } from './helpers/gateway-suite';

/** Accounts, roles, sign-in, API keys and the documented auth of every endpoint, on the real gateway and Postgres. */
describe('accounts and roles', () => {
  let suite: GatewaySuite;
  let env: TestEnvironment;
  let api: ApiClient;
  let admin: ApiClient;
  let password: string;
  let seedOutput: string;
  let db: Db;

  beforeAll(async () => {
    suite = await startGatewaySuite('int_accounts');
    ({ env, api, db, password, seedOutput } = suite);
    admin = suite.as[ADMIN];
  }, 60_000);

  afterAll(() => suite?.stop());

  const userId = async (email: string) => (await db.rows('SELECT id FROM users WHERE email = $1', [email]))[0].id as string;
  const teamId = async (name: string) => (await db.rows('SELECT id FROM teams WHERE name = $1', [name]))[0].id as string;

  describe('the seed command', () => {
    it('creates teams, one account per role and macros, with a slow password hash', async () => {
      expect(seedOutput).toContain('created   admin admin@smartdesk.example');
      expect(seedOutput).toContain(`password of the accounts created: ${password}`);
      const roles = await db.rows('SELECT role, count(*)::int AS n FROM users GROUP BY role ORDER BY role');
      expect(roles).toEqual([
        { role: 'admin', n: 1 },
        { role: 'agent', n: 3 },
        { role: 'customer', n: 2 },
        { role: 'manager', n: 2 },
      ]);
      expect(await db.count('teams')).toBe(3);
      expect(await db.count('macros')).toBe(2);
      const hashes = await db.rows<{ password_hash: string }>('SELECT password_hash FROM users');
      for (const { password_hash: hash } of hashes) {
        expect(hash).toMatch(/^\$argon2id\$/);
        expect(hash).not.toContain(password);
      }
    });

    it('run again, creates nothing and changes no password', async () => {
      const before = await db.rows('SELECT id, password_hash FROM users ORDER BY id');
      const again = await seedDemoAccounts(env.vars);
      expect(again.output).toContain('no account created; existing passwords unchanged');
      expect(await db.rows('SELECT id, password_hash FROM users ORDER BY id')).toEqual(before);
      expect(await db.count('teams')).toBe(3);
      await api.signIn(ADMIN, password);
    });
  });

  describe('sign-in', () => {
    it('returns a bearer token with its lifetime and the account, never the hash; email is case-insensitive', async () => {
      const response = await api.post('/api/auth/login', { email: 'Ana.Agent@SmartDesk.example', password });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 3600, accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/) });
      expect(response.body.user).toMatchObject({ email: 'ana.agent@smartdesk.example', role: 'agent', teamId: await teamId('Orders & Shipping') });
      expect(JSON.stringify(response.body)).not.toMatch(/argon2|password/i);

      const me = await api.as(response.body.accessToken).get('/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body).toEqual({
        userId: await userId('ana.agent@smartdesk.example'),
        email: 'ana.agent@smartdesk.example',
        name: 'Ana Agent',
        role: 'agent',
        teamId: await teamId('Orders & Shipping'),
        department: 'Customer Care',
        session: { via: 'bearer', jti: expect.stringMatching(/^[0-9a-f-]{36}$/), expiresAt: expect.any(String) },
      });
      const lifetime = Date.parse(me.body.session.expiresAt) - Date.now();
      expect(lifetime).toBeGreaterThan(3500_000);
      expect(lifetime).toBeLessThanOrEqual(3600_000);
    });

    it('answers a wrong password and an unknown email alike: 401, same message', async () => {
      const wrong = await api.post('/api/auth/login', { email: ADMIN, password: 'not-the-password' });
      const unknown = await api.post('/api/auth/login', { email: 'nobody@smartdesk.example', password });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body.message).toBe(unknown.body.message);
    });

    it('400 naming the fields for a malformed sign-in', async () => {
      const response = await api.post('/api/auth/login', { email: 'not-an-email' });
      expect(response.status).toBe(400);
      expect(response.body.fields.map((field: { field: string }) => field.field).sort()).toEqual(['email', 'password']);
    });

    it.each([
      ['no credentials', {}],
      ['a malformed Authorization header', { authorization: 'Token abc' }],
      ['a token signed with another key', { authorization: `Bearer ${signToken({ sub: randomUUID(), exp: Math.floor(Date.now() / 1000) + 60 }, 'x'.repeat(64))}` }],
      ['a garbage token', { authorization: 'Bearer not.a.token' }],
      ['an unknown API key', { 'x-api-key': 'sdk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }],
    ])('401 with %s', async (_case, headers) => {
      const response = await new ApiClient(api.baseUrl, headers as Record<string, string>).get('/api/tickets');
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ statusCode: 401 });
    });

    it('401 for an expired token, even one signed with the right key', async () => {
      const [{ id, session_version }] = await db.rows('SELECT id, session_version FROM users WHERE email = $1', [ADMIN]);
      const claims = { sub: id, ver: session_version, jti: randomUUID() };
      const expired = signToken({ ...claims, exp: Math.floor(Date.now() / 1000) - 10 }, env.vars.JWT_SECRET);
      const fresh = signToken({ ...claims, exp: Math.floor(Date.now() / 1000) + 60 }, env.vars.JWT_SECRET);
      expect((await api.as(expired).get('/api/auth/me')).status).toBe(401);
      expect((await api.as(fresh).get('/api/auth/me')).status).toBe(200);
    });

    it('a bad token on the anonymous ticket form is refused, not taken as anonymous', async () => {
      const response = await api.as('not.a.token').post('/api/tickets', sampleTicket());
      expect(response.status).toBe(401);
      expect(await db.count('tickets')).toBe(0);
    });
  });

  describe('roles', () => {
    it.each([
      ['jamie@example.com', 'GET', '/api/users', 403],
      ['jamie@example.com', 'GET', '/api/teams', 403],
      ['jamie@example.com', 'GET', '/api/macros', 403],
      ['ana.agent@smartdesk.example', 'GET', '/api/users', 403],
      ['ana.agent@smartdesk.example', 'GET', '/api/teams', 200],
      ['ana.agent@smartdesk.example', 'GET', '/api/audit', 403],
      ['ana.agent@smartdesk.example', 'GET', '/api/api-keys', 403],
      ['care.manager@smartdesk.example', 'GET', '/api/users', 200],
      ['care.manager@smartdesk.example', 'GET', '/api/api-keys', 403],
      ['admin@smartdesk.example', 'GET', '/api/audit', 200],
      ['admin@smartdesk.example', 'GET', '/api/api-keys', 200],
    ])('%s: %s %s → %i', async (email, method, path, status) => {
      const response = await suite.as[email].request(method, path);
      expect(response.status).toBe(status);
      if (status === 403) expect(response.body).toMatchObject({ statusCode: 403, message: expect.stringMatching(/only .* may do this/) });
    });

    it("a manager lists the staff of their department's teams only", async () => {
      const { body } = await suite.as['care.manager@smartdesk.example'].get('/api/users?pageSize=100');
      expect(body.items.map((user: { email: string }) => user.email).sort()).toEqual(['ana.agent@smartdesk.example', 'ben.agent@smartdesk.example', 'care.manager@smartdesk.example']);
    });
  });

  describe('user and team management (admins)', () => {
    it('creates an account that can sign in; 409 for a taken email (any case); 422 for an unknown team', async () => {
      const created = await admin.post('/api/users', { email: 'Dana@Smartdesk.example', name: 'Dana Agent', role: 'agent', password: 'dana-password-1', teamId: await teamId('Billing') });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ email: 'dana@smartdesk.example', role: 'agent', active: true });
      expect(created.body.passwordHash).toBeUndefined();
      await api.signIn('dana@smartdesk.example', 'dana-password-1');

      const taken = await admin.post('/api/users', { email: 'DANA@smartdesk.example', name: 'Other', role: 'customer' });
      expect(taken.status).toBe(409);
      const noTeam = await admin.post('/api/users', { email: 'eve@smartdesk.example', name: 'Eve', role: 'agent', teamId: randomUUID() });
      expect(noTeam.status).toBe(422);
      expect(await db.count('users', `email = 'eve@smartdesk.example'`)).toBe(0);
    });

    it('400 for a short password or an unknown role, naming them', async () => {
      const response = await admin.post('/api/users', { email: 'short@smartdesk.example', name: 'Short', role: 'board', password: 'short' });
      expect(response.status).toBe(400);
      expect(response.body.fields.map((field: { field: string }) => field.field).sort()).toEqual(['password', 'role']);
    });

    it('deactivating an account stops its token at once; after reactivation it signs in afresh', async () => {
      const created = await admin.post('/api/users', { email: 'temp@smartdesk.example', name: 'Temp', role: 'agent', password: 'temp-password-1' });
      const temp = await api.signIn('temp@smartdesk.example', 'temp-password-1');
      expect((await temp.get('/api/auth/me')).status).toBe(200);
      expect((await admin.patch(`/api/users/${created.body.id}`, { active: false })).status).toBe(200);
      expect((await temp.get('/api/auth/me')).status).toBe(401);
      expect((await api.post('/api/auth/login', { email: 'temp@smartdesk.example', password: 'temp-password-1' })).status).toBe(401);
      expect((await admin.patch(`/api/users/${created.body.id}`, { active: true })).status).toBe(200);
      expect((await temp.get('/api/auth/me')).status).toBe(401);
      expect((await (await api.signIn('temp@smartdesk.example', 'temp-password-1')).get('/api/auth/me')).status).toBe(200);
    });

    it("a role change ends the account's tokens at once; signed in again, the new role applies", async () => {
      const created = await admin.post('/api/users', { email: 'promoted@smartdesk.example', name: 'Pro', role: 'agent', password: 'promo-password-1' });
      const user = await api.signIn('promoted@smartdesk.example', 'promo-password-1');
      expect((await user.get('/api/audit')).status).toBe(403);
      await admin.patch(`/api/users/${created.body.id}`, { role: 'admin' });
      expect((await user.get('/api/audit')).status).toBe(401);
      const promoted = await api.signIn('promoted@smartdesk.example', 'promo-password-1');
      expect((await promoted.get('/api/audit')).status).toBe(200);
      await admin.patch(`/api/users/${created.body.id}`, { role: 'agent' });
      expect((await promoted.get('/api/audit')).status).toBe(401);
      expect((await (await api.signIn('promoted@smartdesk.example', 'promo-password-1')).get('/api/audit')).status).toBe(403);
    });

    it('refuses to demote or deactivate the last active admin (409)', async () => {
      const adminId = await userId(ADMIN);
      for (const change of [{ role: 'manager' }, { active: false }]) {
        const response = await admin.patch(`/api/users/${adminId}`, change);
        expect(response.status).toBe(409);
      }
      expect((await db.rows('SELECT role, active FROM users WHERE id = $1', [adminId]))[0]).toEqual({ role: 'admin', active: true });
    });

    it('400 for null on a column that cannot be empty; 404 for an unknown account', async () => {
      const response = await admin.patch(`/api/users/${await userId('ben.agent@smartdesk.example')}`, { name: null });
      expect(response.status).toBe(400);
      expect((await admin.patch(`/api/users/${randomUUID()}`, { name: 'X' })).status).toBe(404);
    });

    it('creates and renames teams; 409 on a taken name', async () => {
      const created = await admin.post('/api/teams', { name: 'Returns', department: 'Customer Care' });
      expect(created.status).toBe(201);
      expect((await admin.post('/api/teams', { name: 'Returns', department: 'IT' })).status).toBe(409);
      const renamed = await admin.patch(`/api/teams/${created.body.id}`, { name: 'Returns & Refunds' });
      expect(renamed.body).toMatchObject({ name: 'Returns & Refunds', department: 'Customer Care' });
      expect((await admin.patch(`/api/teams/${created.body.id}`, { name: 'Billing' })).status).toBe(409);
      expect((await admin.patch(`/api/teams/${randomUUID()}`, { name: 'Nope' })).status).toBe(404);
    });
  });

  describe('API keys', () => {
    it('shows the key once, stores only its hash, acts as its owner, and stops at revocation', async () => {
      const created = await admin.post('/api/api-keys', { name: 'Email channel', userId: await userId('ben.agent@smartdesk.example') });
      expect(created.status).toBe(201);
      const { key, id, prefix } = created.body;
      expect(key).toMatch(/^sdk_[\w-]{43}$/);
      expect(key.startsWith(prefix)).toBe(true);

      const [stored] = await db.rows('SELECT * FROM api_keys WHERE id = $1', [id]);
      expect(JSON.stringify(stored)).not.toContain(key.slice(4));
      expect(stored.key_hash).toMatch(/^[0-9a-f]{64}$/);

      const listed = await admin.get('/api/api-keys');
      expect(listed.body.find((entry: { id: string }) => entry.id === id)).toMatchObject({ name: 'Email channel', prefix, revokedAt: null });
      expect(JSON.stringify(listed.body)).not.toContain(key);

      const integration = api.withApiKey(key);
      const me = await integration.get('/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ email: 'ben.agent@smartdesk.example', role: 'agent', apiKey: { id, name: 'Email channel' } });
      expect((await integration.get('/api/users')).status).toBe(403);
      expect((await db.rows('SELECT last_used_at FROM api_keys WHERE id = $1', [id]))[0].last_used_at).not.toBeNull();

      expect((await admin.delete(`/api/api-keys/${id}`)).status).toBe(200);
      expect((await integration.get('/api/auth/me')).status).toBe(401);
      expect((await admin.delete(`/api/api-keys/${id}`)).status).toBe(409);
      expect((await admin.delete(`/api/api-keys/${randomUUID()}`)).status).toBe(404);
    });

    it('422 for a key of an account that does not exist', async () => {
      expect((await admin.post('/api/api-keys', { name: 'Ghost', userId: randomUUID() })).status).toBe(422);
    });
  });

  describe('Swagger documents auth on every endpoint', () => {
    const PUBLIC = [
      'POST /api/auth/login',
      'GET /health',
      'GET /health/live',
      'GET /health/ready',
      'GET /api/kb/suggestions',
      'GET /api/self-service/articles/{id}',
      'POST /api/self-service/deflection-events',
    ];
    let operations: { id: string; path: string; method: string; security: Record<string, string[]>[] }[];

    beforeAll(async () => {
      const { body } = await api.get('/docs-json');
      expect(body.components.securitySchemes).toEqual({
        bearer: expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }),
        'api-key': expect.objectContaining({ type: 'apiKey', in: 'header', name: 'x-api-key' }),
      });
      operations = Object.entries(body.paths as Record<string, Record<string, { security?: Record<string, string[]>[] }>>).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, operation]) => ({ id: `${method.toUpperCase()} ${path}`, path, method, security: operation.security ?? [] })),
      );
    });

    it('every operation names its security; all but sign-in and health accept a bearer token or an API key, once each', () => {
      expect(operations.length).toBeGreaterThan(20);
      for (const operation of operations) {
        const schemes = operation.security.flatMap((requirement) => Object.keys(requirement));
        if (PUBLIC.includes(operation.id)) expect({ id: operation.id, security: operation.security }).toEqual({ id: operation.id, security: [{}] });
        else expect({ id: operation.id, schemes }).toEqual({ id: operation.id, schemes: ['bearer', 'api-key'] });
      }
    });

    it('every operation that does not accept anonymous callers answers 401 without credentials', async () => {
      const closed = operations.filter((operation) => !operation.security.some((requirement) => Object.keys(requirement).length === 0));
      expect(closed.length).toBeGreaterThan(20);
      for (const operation of closed) {
        const path = operation.path.replace(/\{[^}]+\}/g, randomUUID()).replace(/\/responses\/[^/]+$/, '/responses/1');
        const response = await api.request(operation.method.toUpperCase(), path, operation.method === 'get' || operation.method === 'delete' ? undefined : {});
        expect({ id: operation.id, status: response.status }).toEqual({ id: operation.id, status: 401 });
      }
    });
  });
});
