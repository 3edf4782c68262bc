import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { ApiClient, sampleTicket } from '../support/api-client';
import { AppProcess } from '../support/app-process';
import { ADMIN } from '../support/demo-accounts';
import { freePort } from '../support/free-port';
import { REDIS_URL } from '../support/services';
import { TcpProxy } from '../support/tcp-proxy';
import { Db } from './helpers/database';
import { GatewaySuite, startGatewaySuite } from './helpers/gateway-suite';

const INTAKE_PER_MINUTE = 5;
const LOGIN_PER_MINUTE = 30;
const SELF_SERVICE_PER_MINUTE = 6;
const LOCKOUT_ATTEMPTS = 4;
const LOCKOUT_SECONDS = 120;

/** The limits on anonymous intake and sign-in, counted in the real Redis under the suite's prefix, on the real gateway. */
describe('rate limits', () => {
  let suite: GatewaySuite;
  let api: ApiClient;
  let admin: ApiClient;
  let db: Db;

  beforeAll(async () => {
    suite = await startGatewaySuite('int_rate_limits', {
      vars: {
        RATE_LIMIT_INTAKE_PER_MINUTE: String(INTAKE_PER_MINUTE),
        RATE_LIMIT_LOGIN_PER_MINUTE: String(LOGIN_PER_MINUTE),
        RATE_LIMIT_SELF_SERVICE_PER_MINUTE: String(SELF_SERVICE_PER_MINUTE),
        LOGIN_LOCKOUT_ATTEMPTS: String(LOCKOUT_ATTEMPTS),
        LOGIN_LOCKOUT_SECONDS: String(LOCKOUT_SECONDS),
        // As behind a load balancer on this host: X-Forwarded-For names the client, so tests can be many clients.
        TRUST_PROXY: 'loopback',
      },
    });
    ({ api, db } = suite);
    admin = suite.as[ADMIN];
  }, 90_000);

  afterAll(() => suite?.stop());

  /** Anonymous, from this client address (as the proxy reports it). */
  const from = (address: string) => new ApiClient(api.baseUrl, { 'x-forwarded-for': address });
  const expectLimited = (response: { status: number; body: any; headers: Headers }, message: RegExp, atMostSeconds: number) => {
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(atMostSeconds);
    expect(response.body).toEqual({ statusCode: 429, error: 'Too Many Requests', message: expect.stringMatching(message), retryAfter });
  };

  it('limits anonymous tickets per address, in Redis under the app prefix; other addresses and signed-in customers go on', async () => {
    const subject = `Limited ${randomUUID()}`;
    const client = from('203.0.113.10');
    const answers = [];
    for (let i = 0; i <= INTAKE_PER_MINUTE; i++) answers.push(await client.post('/api/tickets', sampleTicket({ subject })));
    expect(answers.slice(0, INTAKE_PER_MINUTE).map((answer) => answer.status)).toEqual(Array(INTAKE_PER_MINUTE).fill(201));
    expectLimited(answers[INTAKE_PER_MINUTE], /too many tickets from this address/, 60);
    expect(await db.count('tickets', 'subject = $1', [subject])).toBe(INTAKE_PER_MINUTE);
    expect((await from('203.0.113.11').post('/api/tickets', sampleTicket())).status).toBe(201);

    const customer = suite.as['jamie@example.com'];
    for (let i = 0; i <= INTAKE_PER_MINUTE; i++) expect((await customer.post('/api/tickets', sampleTicket())).status).toBe(201);

    const redis = new Redis(REDIS_URL);
    try {
      expect((await redis.keys(`${suite.env.vars.QUEUE_PREFIX}:rate-limit:*`)).length).toBeGreaterThan(0);
    } finally {
      redis.disconnect();
    }
  });

  it('limits anonymous self-service requests (kb suggestions while typing) per address; other addresses go on', async () => {
    const client = from('203.0.113.30');
    const statuses = [];
    for (let i = 0; i < SELF_SERVICE_PER_MINUTE; i++) statuses.push((await client.get('/api/kb/suggestions?q=password')).status);
    expect(statuses).toEqual(Array(SELF_SERVICE_PER_MINUTE).fill(200));
    expectLimited(await client.get('/api/kb/suggestions?q=password'), /too many self-service requests/, 60);
    expect((await from('203.0.113.31').get('/api/kb/suggestions?q=password')).status).toBe(200);
  });

  it('locks an email out after too many attempts from any addresses, even with the right password; other accounts sign in', async () => {
    const email = `locked-${randomUUID().slice(0, 8)}@smartdesk.example`;
    expect((await admin.post('/api/users', { email, name: 'Locked', role: 'agent', password: 'the-right-password' })).status).toBe(201);
    // A distributed guess: each attempt from another address.
    for (let i = 0; i < LOCKOUT_ATTEMPTS; i++) expect((await from(`198.51.100.${i + 1}`).post('/api/auth/login', { email, password: `wrong-${i}` })).status).toBe(401);
    // The email as typed differently is the same account, so the same counter.
    const locked = await from('198.51.100.200').post('/api/auth/login', { email: email.toUpperCase(), password: 'the-right-password' });
    expectLimited(locked, /sign-in attempts for this account/, LOCKOUT_SECONDS);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(LOCKOUT_SECONDS - 30);
    expect((await api.post('/api/auth/login', { email: 'ana.agent@smartdesk.example', password: suite.password })).status).toBe(200);
  });

  it('a malformed sign-in gets its 400, however often', async () => {
    for (let i = 0; i <= LOCKOUT_ATTEMPTS; i++) expect((await from('192.0.2.50').post('/api/auth/login', { password: 'x' })).status).toBe(400);
  });

  it('limits sign-in attempts per address, whatever email they try; other addresses go on', async () => {
    const guesser = from('192.0.2.99');
    let limited: Awaited<ReturnType<ApiClient['post']>> | undefined;
    for (let attempt = 0; attempt <= LOGIN_PER_MINUTE && !limited; attempt++) {
      const response = await guesser.post('/api/auth/login', { email: `guess-${attempt}@smartdesk.example`, password: 'guess' });
      if (response.status === 429) limited = response;
      else expect(response.status).toBe(401);
    }
    expect(limited).toBeDefined();
    expectLimited(limited!, /sign-in attempts from this address/, 60);
    expect((await from('192.0.2.100').post('/api/auth/login', { email: ADMIN, password: suite.password })).status).toBe(200);
  });
});

/** What the limits do when the gateway cannot reach Redis. */
describe('rate limits without Redis', () => {
  let suite: GatewaySuite;
  let proxy: TcpProxy;
  let gateway: AppProcess;
  let api: ApiClient;

  beforeAll(async () => {
    suite = await startGatewaySuite('int_rate_limits_down');
    const redis = new URL(REDIS_URL);
    proxy = new TcpProxy(await freePort(), { host: redis.hostname, port: Number(redis.port || 6379) });
    await proxy.open();
    const port = await freePort();
    // A second gateway on the suite's database that reaches Redis only through the proxy.
    gateway = await AppProcess.start('gateway', { ...suite.env.vars, PORT: String(port), REDIS_URL: `redis://127.0.0.1:${proxy.port}` });
    api = new ApiClient(`http://127.0.0.1:${port}`);
  }, 90_000);

  afterAll(async () => {
    await gateway?.stop();
    await proxy?.cut();
    await suite?.stop();
  });

  it('intake fails open (tickets are still taken, with a warning); sign-in fails closed with 503', async () => {
    await proxy.cut();
    const subject = `No Redis ${randomUUID()}`;
    const created = await api.post('/api/tickets', sampleTicket({ subject }));
    expect(created.status).toBe(201);
    expect(await suite.db.count('tickets', 'subject = $1', [subject])).toBe(1);
    expect(gateway.output.join('\n')).toMatch(/intake is not rate limited while Redis cannot be reached/);

    const login = await api.post('/api/auth/login', { email: ADMIN, password: suite.password });
    expect(login.status).toBe(503);
    expect(login.body).toMatchObject({ statusCode: 503, message: expect.stringMatching(/sign-in is unavailable/) });
    // Those signed in already keep working: tokens are checked in Postgres.
    expect((await suite.as[ADMIN].get('/api/auth/me')).status).toBe(200);
    await proxy.open();
  });
});
