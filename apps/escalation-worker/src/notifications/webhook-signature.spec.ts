import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhook } from './webhook-signature';

const secret = 'a-webhook-secret-of-at-least-32-characters';
const body = JSON.stringify({ event: 'ticket.escalated', ticket: { number: 7 } });

describe('webhook signatures', () => {
  it('are HMAC-SHA256 of "<timestamp>.<body>", hex, prefixed sha256=', () => {
    const expected = createHmac('sha256', secret).update(`1763900000.${body}`).digest('hex');
    expect(signWebhook(secret, 1763900000, body)).toBe(`sha256=${expected}`);
  });

  it('verify with the same secret, body and a recent timestamp', () => {
    const signature = signWebhook(secret, 1763900000, body);
    expect(verifyWebhook(secret, { signature, timestamp: '1763900000' }, body, 1763900100)).toBe(true);
  });

  it.each([
    ['another secret', { secret: 'another-secret-of-at-least-32-characters!!' }],
    ['a changed body', { body: body.replace('7', '8') }],
    ['a changed timestamp', { timestamp: '1763900001' }],
    ['an old timestamp (replay)', { now: 1763900000 + 301 }],
    ['no signature', { signature: '' }],
    ['a truncated signature', { signature: 'sha256=abc' }],
  ])('fail with %s', (_case, change: { secret?: string; body?: string; timestamp?: string; now?: number; signature?: string }) => {
    const signature = change.signature ?? signWebhook(secret, 1763900000, body);
    expect(verifyWebhook(change.secret ?? secret, { signature, timestamp: change.timestamp ?? '1763900000' }, change.body ?? body, change.now ?? 1763900010)).toBe(false);
  });
});
