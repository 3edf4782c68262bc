import { QueryFailedError } from 'typeorm';

/** SQLSTATE classes of a server that is away: connection exceptions (08) and a shutdown or start-up in progress (57P01-57P03). */
const AWAY_SQLSTATE = /^(08|57P0[1-3])/;
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);
/** What node-postgres says, without a code, when a server goes away under a client or a pool cannot connect. */
const LOST_CONNECTION = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/**
 * Whether an error means a store (Postgres, Redis) cannot be reached for now rather than a bug: the
 * client should get a clear 503 and try again, not a 500 (a Postgres restart under load, issue 16).
 */
export function isStoreUnavailable(exception: unknown): boolean {
  const error = exception instanceof QueryFailedError ? exception.driverError : exception;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (AWAY_SQLSTATE.test(code) || NETWORK_CODES.has(code))) return true;
  return LOST_CONNECTION.test(error.message);
}
