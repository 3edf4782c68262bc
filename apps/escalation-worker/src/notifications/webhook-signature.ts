import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-smartdesk-signature';
export const TIMESTAMP_HEADER = 'x-smartdesk-timestamp';
export const EVENT_HEADER = 'x-smartdesk-event';
export const DELIVERY_HEADER = 'x-smartdesk-delivery';

/**
 * `sha256=<hex>` of HMAC-SHA256 over `<timestamp>.<body>`. Signing the timestamp with the body lets a
 * receiver refuse an old request replayed later.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver checks: the signature matches (compared in constant time) and the timestamp is recent. */
export function verifyWebhook(secret: string, headers: { signature?: string; timestamp?: string }, body: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const timestamp = Number(headers.timestamp);
  if (!headers.signature || !Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(headers.signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
