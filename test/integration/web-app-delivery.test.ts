import { statSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN } from '../support/demo-accounts';
import { sampleTicket } from '../support/api-client';
import { SseClient } from '../support/sse-client';
import { waitFor } from '../support/wait-for';
import { GatewaySuite, startGatewaySuite } from './helpers/gateway-suite';

/** How the real gateway delivers the built web app (dist/web): compressed (hashed assets as the build compressed them), cached by content hash, and live events unbuffered. */
describe('web app delivery', () => {
  let suite: GatewaySuite;

  beforeAll(async () => {
    suite = await startGatewaySuite('int_web_delivery');
  }, 60_000);

  afterAll(() => suite?.stop());

  const page = () => fetch(`${suite.api.baseUrl}/inbox`, { headers: { accept: 'text/html', 'accept-encoding': 'gzip' } });

  it('sends the page uncached and its hashed scripts gzipped and immutable', async () => {
    const html = await page();
    expect(html.headers.get('cache-control')).toBe('no-cache');
    const script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(await html.text())?.[1];
    expect(script).toBeDefined();

    const asset = await fetch(`${suite.api.baseUrl}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(asset.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // fetch has inflated it: the script itself came through whole.
    expect((await asset.text()).length).toBeGreaterThan(10_000);
  });

  it('sends a hashed script as the build compressed it with brotli to a browser, which lists gzip first', async () => {
    const script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(await (await page()).text())![1];
    const brotli = await fetch(`${suite.api.baseUrl}${script}`, { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotli.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(brotli.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // The build's file itself, not compressed again per response (which would send no length, chunked).
    expect(Number(brotli.headers.get('content-length'))).toBe(statSync(join(__dirname, '../../dist/web', `${script}.br`)).size);
    const identity = await fetch(`${suite.api.baseUrl}${script}`, { headers: { 'accept-encoding': 'identity' } });
    // fetch has decoded it: the same script as the uncompressed one.
    expect(await brotli.text()).toBe(await identity.text());
  });

  it('sends a script as is to a client that accepts no compression', async () => {
    const script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(await (await page()).text())![1];
    const asset = await fetch(`${suite.api.baseUrl}${script}`, { headers: { 'accept-encoding': 'identity' } });
    expect(asset.headers.get('content-encoding')).toBeNull();
  });

  it('streams /api/events uncompressed to a client accepting gzip: each event arrives as it happens', async () => {
    const stream = await SseClient.open(`${suite.api.baseUrl}/api/events`, { ...suite.as[ADMIN].credentials, 'accept-encoding': 'gzip' });
    try {
      // open() resolved on the first event: a compressor would have held it in its buffer.
      expect(stream.events[0]).toMatchObject({ event: 'ready' });
      expect(stream.headers.get('content-encoding')).toBeNull();
      const created = await suite.api.post('/api/tickets', sampleTicket({ subject: 'Streamed while compressed answers are on' }));
      expect(created.status).toBe(201);
      await waitFor(async () => stream.of(created.body.id).some((event) => event.event === 'received'), 5_000, 'the new ticket to reach the open stream');
    } finally {
      stream.close();
    }
  });
});
