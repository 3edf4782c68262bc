import { DEVELOPMENT_JWT_SECRET, loadEnvironment } from '@smartdesk/config';
import { jwtSecret } from './jwt-secret';

describe('jwtSecret', () => {
  const own = 'a-secret-of-our-own-that-is-long-enough-1234';

  it('accepts the development default outside production', () => {
    expect(jwtSecret(loadEnvironment({}))).toBe(DEVELOPMENT_JWT_SECRET);
    expect(jwtSecret(loadEnvironment({ NODE_ENV: 'test' }))).toBe(DEVELOPMENT_JWT_SECRET);
  });

  it('refuses the development default in production, naming the variable', () => {
    expect(() => jwtSecret(loadEnvironment({ NODE_ENV: 'production' }))).toThrow(/JWT_SECRET/);
  });

  it('uses a secret of our own in production', () => {
    expect(jwtSecret(loadEnvironment({ NODE_ENV: 'production', JWT_SECRET: own }))).toBe(own);
  });
});
