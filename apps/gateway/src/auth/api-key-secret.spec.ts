import { hashApiKey, newApiKey } from './api-key-secret';

describe('API key secrets', () => {
  it('makes distinct keys with a recognisable prefix and a hash of the whole key', () => {
    const first = newApiKey();
    const second = newApiKey();
    expect(first.key).toMatch(/^sdk_[A-Za-z0-9_-]{43}$/);
    expect(first.key).not.toBe(second.key);
    expect(first.key.startsWith(first.prefix)).toBe(true);
    expect(first.prefix).toHaveLength(12);
    expect(first.hash).toBe(hashApiKey(first.key));
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.hash).not.toContain(first.key.slice(4));
  });

  it('hashes one character of difference to an unrelated hash', () => {
    const { key, hash } = newApiKey();
    const changed = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
    expect(hashApiKey(changed)).not.toBe(hash);
  });
});
