import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEVELOPMENT_JWT_SECRET, loadEnvironment } from '@smartdesk/config';
import { jwtSecret } from './jwt-secret';

describe('jwtSecret', () => {
  const own = 'a-secret-of-our-own-that-is-long-enough-1234';
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'jwt-secret-'));
    file = join(dir, 'nested', 'jwt-secret');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('generates a random secret outside production, once, into a file only the owner can read', () => {
    const first = jwtSecret(loadEnvironment({ JWT_SECRET_FILE: file }));
    expect(first).not.toBe(DEVELOPMENT_JWT_SECRET);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe(first);
    expect(jwtSecret(loadEnvironment({ NODE_ENV: 'test', JWT_SECRET_FILE: file }))).toBe(first);
  });

  it('never signs with the published development default, not even in development', () => {
    expect(jwtSecret(loadEnvironment({ JWT_SECRET: DEVELOPMENT_JWT_SECRET, JWT_SECRET_FILE: file }))).not.toBe(DEVELOPMENT_JWT_SECRET);
  });

  it('refuses a secret file too short to sign with', () => {
    writeFileSync(join(dir, 'short'), 'abc');
    expect(() => jwtSecret(loadEnvironment({ JWT_SECRET_FILE: join(dir, 'short') }))).toThrow(/32 characters/);
  });

  it.each([{}, { JWT_SECRET: DEVELOPMENT_JWT_SECRET }])('refuses to start in production without a secret of its own (%j), naming the variable', (vars) => {
    expect(() => jwtSecret(loadEnvironment({ NODE_ENV: 'production', JWT_SECRET_FILE: file, ...vars }))).toThrow(/JWT_SECRET/);
  });

  it('uses a configured secret as given', () => {
    expect(jwtSecret(loadEnvironment({ NODE_ENV: 'production', JWT_SECRET: own }))).toBe(own);
    expect(jwtSecret(loadEnvironment({ JWT_SECRET: own, JWT_SECRET_FILE: file }))).toBe(own);
  });
});
