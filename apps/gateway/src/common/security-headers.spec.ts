import type { Request, Response } from 'express';
import { strictTransportSecurity } from './security-headers';

/** Runs the middleware on a bare request and returns the HSTS header it set (undefined: none). */
function hstsFor(production: boolean, secure: boolean): string | undefined {
  const headers: Record<string, string> = {};
  const response = { setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value) } as unknown as Response;
  let passed = false;
  strictTransportSecurity(production)({ secure } as Request, response, () => (passed = true));
  expect(passed).toBe(true);
  return headers['strict-transport-security'];
}

describe('strictTransportSecurity', () => {
  it('is sent on every response in production (TLS ends at the ingress)', () => {
    expect(hstsFor(true, false)).toBe('max-age=31536000; includeSubDomains');
  });

  it('is sent on an HTTPS request outside production', () => {
    expect(hstsFor(false, true)).toBe('max-age=31536000; includeSubDomains');
  });

  it('is not sent on plain HTTP outside production', () => {
    expect(hstsFor(false, false)).toBeUndefined();
  });
});
