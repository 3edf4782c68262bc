import { connect } from 'node:net';
import { chromium } from 'playwright-core';
import { GatewaySuite, startGatewaySuite } from './helpers/gateway-suite';

const CSP =
  "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data: blob:;font-src 'self' data:;" +
  "connect-src 'self';object-src 'none';frame-ancestors 'none';base-uri 'self';form-action 'self'";
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The real gateway's HTTP hardening: headers on every answer, error bodies that quote nothing, Swagger UI under the CSP. */
describe('HTTP security headers and error bodies', () => {
  let suite: GatewaySuite;

  beforeAll(async () => {
    suite = await startGatewaySuite('int_http_headers');
  }, 60_000);

  afterAll(() => suite?.stop());

  const raw = (path: string, init?: RequestInit) => fetch(`${suite.api.baseUrl}${path}`, init);

  it.each(['/health', '/api/tickets', '/docs', '/no-such-page'])('%s carries the CSP, nosniff and DENY, and no X-Powered-By', async (path) => {
    const response = await raw(path);
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-powered-by')).toBeNull();
    // NODE_ENV=test over plain HTTP: HSTS would pin the host to HTTPS.
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('answers malformed JSON with the position only, never the body', async () => {
    const response = await raw('/api/tickets', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"subject": "my-secret-text' });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.stringMatching(/^the body is not valid JSON( \(at position \d+\))?$/) });
  });

  it('answers a body over MAX_BODY_BYTES with 413 and the limit, logged as a warning without a stack', async () => {
    const firstLine = suite.gateway.output.length;
    const response = await raw('/api/tickets', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ subject: 'x'.repeat(70_000) }) });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ statusCode: 413, error: 'Payload Too Large', message: 'the body is larger than 65536 bytes' });
    const logged = suite.gateway.output.slice(firstLine);
    expect(logged.filter((line) => /\bERROR\b|^\s+at /.test(line))).toEqual([]);
    expect(logged.some((line) => /WARN \[http\] POST \/api\/tickets → 413/.test(line))).toBe(true);
  });

  it('answers a path with invalid percent-encoding with 400, not quoting it', async () => {
    const response = await raw('/api/kb/articles/%FF%FE');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ statusCode: 400, error: 'Bad Request', message: 'the URL path is not valid percent-encoded UTF-8' });
  });

  it.each([
    ['a NUL in a header', 'GET /health HTTP/1.1\r\nHost: x\r\nX-Note: a\u0000b\r\n\r\n'],
    ['a malformed request line', 'GET /health HTTP/9.Z\r\n\r\n'],
  ])('answers a request Node cannot parse (%s) with a JSON 400', async (_case, request) => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(suite.api.baseUrl).port), '127.0.0.1', () => socket.end(request));
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString()));
      socket.on('close', () => resolve(received));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({ statusCode: 400, error: 'Bad Request', message: 'the request is not valid HTTP' });
  });

  it('renders Swagger UI at /docs under the CSP without a violation', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
      });
      // A string, not a function: this file is compiled without the DOM's types.
      await page.addInitScript({
        content: "window.cspViolations = []; document.addEventListener('securitypolicyviolation', (event) => window.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI));",
      });
      await page.goto(`${suite.api.baseUrl}/docs`);
      await page.getByRole('heading', { name: /Smartdesk API/ }).waitFor({ timeout: 20_000 });
      await page.getByText('/api/tickets', { exact: true }).first().waitFor({ timeout: 20_000 });
      violations.push(...((await page.evaluate('window.cspViolations')) as string[]));
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
