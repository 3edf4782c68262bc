import { DEVELOPMENT_JWT_SECRET, Environment } from '@smartdesk/config';

/** The signing key, refused in production while it is still the published development default. */
export function jwtSecret(env: Environment): string {
  if (env.NODE_ENV === 'production' && env.JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
    throw new Error('JWT_SECRET is the development default; set a secret of your own in production');
  }
  return env.JWT_SECRET;
}
