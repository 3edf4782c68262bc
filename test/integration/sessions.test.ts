import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEVELOPMENT_JWT_SECRET } from '@smartdesk/config';
import { ApiClient, sampleTicket } from '../support/api-client';
import { ADMIN } from '../support/demo-accounts';
import { signToken } from '../support/signed-token';
import { SseClient } from '../support/sse-client';
import { waitFor } from '../support/wait-for';
import { Db } from './helpers/database';
import { GatewaySuite, startGatewaySuite } from './helpers/gateway-suite';

const WEB_APP = { 'x-requested-with': 'smartdesk-web' };

/**
 * Sessions on the real gateway: its signing key, revocation (sign-out, password, role, deactivation), the web
 * app's sd_session cookie with its CSRF rules, and event streams that end with their session.
 */
describe('sessions', () => {
  let suite: GatewaySuite;
  let api: ApiClient;
  let admin: ApiClient;
  let db: Db;
  let secretDir: string;
  const secretFile = () => join(secretDir, 'jwt-secret');

  beforeAll(async () => {
    secretDir = mkdtempSync(join(tmpdir(), 'sessions-'));
    // As `npm start` ran before: development mode, with the published default still in an old .env.
    suite = await startGatewaySuite('int_sessions', { vars: { NODE_ENV: 'development', JWT_SECRET: DEVELOPMENT_JWT_SECRET, JWT_SECRET_FILE: join(secretDir, 'jwt-secret') } });
    ({ api, db } = suite);
    admin = suite.as[ADMIN];
  }, 60_000);

  afterAll(async () => {
    await suite?.stop();
    rmSync(secretDir, { recursive: true, force: true });
  });

  const userId = async (email: string) => (await db.rows('SELECT id FROM users WHERE email = $1', [email]))[0].id as string;
  let accounts = 0;
  /** A fresh account of its own for each test, so tests that end sessions stand alone. */
  const newAccount = async (role = 'agent') => {
    const email = `session${++accounts}-${randomUUID().slice(0, 8)}@smartdesk.example`;
    const password = `password-${randomUUID()}`;
    const created = await admin.post('/api/users', { email, name: 'Session Test', role, password });
    expect(created.status).toBe(201);
    return { id: created.body.id as string, email, password };
  };
  const login = (email: string, password: string) => api.post('/api/auth/login', { email, password });
  const cookieOf = (response: { headers: Headers }) => response.headers.getSetCookie().find((cookie) => cookie.startsWith('sd_session='));

  describe('the signing key', () => {
    it('is generated, kept in a file only its owner can read, and never the published default', async () => {
      const secret = readFileSync(secretFile(), 'utf8');
      expect(secret.length).toBeGreaterThanOrEqual(32);
      expect(secret).not.toBe(DEVELOPMENT_JWT_SECRET);
      expect(statSync(secretFile()).mode & 0o777).toBe(0o600);
      const adminId = await userId(ADMIN);
      const [{ session_version }] = await db.rows('SELECT session_version FROM users WHERE id = $1', [adminId]);
      const claims = { sub: adminId, ver: session_version, jti: randomUUID(), exp: Math.floor(Date.now() / 1000) + 600 };
      expect((await api.as(signToken(claims, DEVELOPMENT_JWT_SECRET)).get('/api/auth/me')).status).toBe(401);
      expect((await api.as(signToken(claims, secret)).get('/api/auth/me')).status).toBe(200);
    });

    it('refuses a token without exp, even signed with the right key', async () => {
      const adminId = await userId(ADMIN);
      const [{ session_version }] = await db.rows('SELECT session_version FROM users WHERE id = $1', [adminId]);
      const forever = signToken({ sub: adminId, ver: session_version, jti: randomUUID() }, readFileSync(secretFile(), 'utf8'));
      const response = await api.as(forever).get('/api/auth/me');
      expect(response.status).toBe(401);
      expect(response.body.message).toMatch(/sign in again/);
    });
  });

  describe('revocation', () => {
    it('a password change ends the tokens issued before it; the new password signs in', async () => {
      const account = await newAccount();
      const before = await api.signIn(account.email, account.password);
      expect((await before.get('/api/auth/me')).status).toBe(200);
      expect((await admin.patch(`/api/users/${account.id}`, { password: 'a-new-password-2' })).status).toBe(200);
      const refused = await before.get('/api/auth/me');
      expect(refused.status).toBe(401);
      expect(refused.body.message).toMatch(/session has ended/);
      expect((await (await api.signIn(account.email, 'a-new-password-2')).get('/api/auth/me')).status).toBe(200);
    });

    it('other changes to the account (name, skills) leave its tokens valid', async () => {
      const account = await newAccount();
      const client = await api.signIn(account.email, account.password);
      expect((await admin.patch(`/api/users/${account.id}`, { name: 'Renamed', skills: ['billing'] })).status).toBe(200);
      expect((await client.get('/api/auth/me')).body).toMatchObject({ name: 'Renamed' });
    });

    it('signing out ends that token only, at once', async () => {
      const account = await newAccount();
      const first = await api.signIn(account.email, account.password);
      const second = await api.signIn(account.email, account.password);
      const out = await first.post('/api/auth/logout');
      expect(out.status).toBe(204);
      expect((await first.get('/api/auth/me')).status).toBe(401);
      expect((await first.post('/api/auth/logout')).status).toBe(401);
      expect((await second.get('/api/auth/me')).status).toBe(200);
    });
  });

  describe('the sd_session cookie', () => {
    it('is set by sign-in: httpOnly, SameSite=Strict, Path=/, for the token lifetime', async () => {
      const account = await newAccount();
      const response = await login(account.email, account.password);
      expect(response.status).toBe(200);
      const cookie = cookieOf(response)!;
      expect(cookie).toBe(`sd_session=${response.body.accessToken}; Max-Age=3600; Path=/; Expires=${cookie.match(/Expires=([^;]+)/)![1]}; HttpOnly; SameSite=Strict`);
      // Plain HTTP outside production: not Secure, or the browser would drop it on http://localhost.
      expect(cookie).not.toMatch(/Secure/);
    });

    it('signs in GET requests alone: /api/auth/me', async () => {
      const account = await newAccount();
      const cookie = cookieOf(await login(account.email, account.password))!.split(';')[0];
      const me = await api.withCookie(cookie).get('/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ email: account.email, session: { via: 'cookie' } });
    });

    it('writes need the web app header and, when an Origin is sent, this site as the origin (CSRF)', async () => {
      const account = await newAccount('customer');
      const cookie = cookieOf(await login(account.email, account.password))!.split(';')[0];
      const host = new URL(api.baseUrl).host;
      const ticket = sampleTicket({ subject: `CSRF ${randomUUID()}` });

      const bare = await api.withCookie(cookie).post('/api/tickets', ticket);
      expect(bare.status).toBe(403);
      expect(bare.body).toMatchObject({ statusCode: 403, message: expect.stringContaining('x-requested-with: smartdesk-web') });
      const foreign = await api.withCookie(cookie, { ...WEB_APP, origin: 'https://evil.example' }).post('/api/tickets', ticket);
      expect(foreign.status).toBe(403);
      expect(foreign.body.message).toMatch(/evil\.example/);
      const opaque = await api.withCookie(cookie, { ...WEB_APP, origin: 'null' }).post('/api/tickets', ticket);
      expect(opaque.status).toBe(403);
      expect(await db.count('tickets', 'subject = $1', [ticket.subject])).toBe(0);

      const sameSite = await api.withCookie(cookie, { ...WEB_APP, origin: `http://${host}` }).post('/api/tickets', ticket);
      expect(sameSite.status).toBe(201);
      const noOrigin = await api.withCookie(cookie, WEB_APP).post('/api/tickets', { ...ticket, subject: `${ticket.subject} again` });
      expect(noOrigin.status).toBe(201);
      expect(await db.count('tickets', 'customer_id = $1', [account.id])).toBe(2);
    });

    it('a bearer token or an API key needs no CSRF header: integrations are not browsers', async () => {
      const account = await newAccount();
      const bearer = await api.signIn(account.email, account.password);
      expect((await bearer.post('/api/tickets', sampleTicket())).status).toBe(201);
      const key = await admin.post('/api/api-keys', { name: 'No CSRF', userId: account.id });
      expect((await api.withApiKey(key.body.key).post('/api/tickets', sampleTicket())).status).toBe(201);
    });

    it('a cookie whose session ended is cleared, and its browser is anonymous again: the ticket form still works', async () => {
      const account = await newAccount('customer');
      const cookie = cookieOf(await login(account.email, account.password))!.split(';')[0];
      expect((await admin.patch(`/api/users/${account.id}`, { password: 'changed-password-4' })).status).toBe(200);
      const web = api.withCookie(cookie, WEB_APP);
      const me = await web.get('/api/auth/me');
      expect(me.status).toBe(401);
      expect(cookieOf(me)).toMatch(/^sd_session=; Path=\/; Expires=Thu, 01 Jan 1970/);
      const subject = `After the session ${randomUUID()}`;
      const submitted = await web.post('/api/tickets', sampleTicket({ subject }));
      expect(submitted.status).toBe(201);
      expect(cookieOf(submitted)).toMatch(/^sd_session=;/);
      expect(await db.rows('SELECT customer_id FROM tickets WHERE subject = $1', [subject])).toEqual([{ customer_id: null }]);
    });

    it('sign-out through the cookie clears it and ends its token', async () => {
      const account = await newAccount();
      const cookie = cookieOf(await login(account.email, account.password))!.split(';')[0];
      const web = api.withCookie(cookie, WEB_APP);
      const out = await web.post('/api/auth/logout');
      expect(out.status).toBe(204);
      expect(cookieOf(out)).toMatch(/^sd_session=; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict$/);
      expect((await web.get('/api/auth/me')).status).toBe(401);
    });
  });

  describe('event streams', () => {
    const open = (headers: Record<string, string>) => SseClient.open(`${api.baseUrl}/api/events`, headers);

    it('open for a browser EventSource with the cookie alone', async () => {
      const account = await newAccount();
      const cookie = cookieOf(await login(account.email, account.password))!.split(';')[0];
      const stream = await open({ cookie });
      try {
        expect(stream.status).toBe(200);
        expect(stream.events[0]).toEqual({ event: 'ready', data: { role: 'agent' } });
      } finally {
        stream.close();
      }
    });

    it.each([
      ['the account is deactivated', { active: false }],
      ['its password is changed', { password: 'changed-password-3' }],
      ['its role is changed', { role: 'manager' }],
    ])('end within seconds when %s', async (_case, change) => {
      const account = await newAccount();
      const cookie = cookieOf(await login(account.email, account.password))!.split(';')[0];
      const streams = [await open({ cookie }), await open({ authorization: `Bearer ${(await login(account.email, account.password)).body.accessToken}` })];
      try {
        expect(streams.map((stream) => stream.status)).toEqual([200, 200]);
        expect((await admin.patch(`/api/users/${account.id}`, change)).status).toBe(200);
        await waitFor(async () => streams.every((stream) => stream.ended), 15_000, 'both streams to end');
        for (const stream of streams) expect(stream.events.at(-1)).toMatchObject({ event: 'session-ended' });
        // EventSource reconnects by itself: the reconnection is refused, which stops it.
        expect((await open({ cookie })).status).toBe(401);
      } finally {
        for (const stream of streams) stream.close();
      }
    });

    it('ends within seconds after sign-out, and a stream of another session goes on', async () => {
      const account = await newAccount();
      const signedOut = await api.signIn(account.email, account.password);
      const other = await api.signIn(account.email, account.password);
      const ending = await open(signedOut.credentials);
      const staying = await open(other.credentials);
      try {
        expect((await signedOut.post('/api/auth/logout')).status).toBe(204);
        await waitFor(async () => ending.ended, 15_000, 'the signed-out stream to end');
        expect(staying.ended).toBe(false);
      } finally {
        ending.close();
        staying.close();
      }
    });
  });
});
