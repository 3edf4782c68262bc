import { postgresConflicts } from './metrics';

/** SQLSTATEs of the conflicts Postgres resolves by aborting one transaction: worth a retry, worth watching. */
const CONFLICT_STATES = new Set(['40P01', '40001']);

/** The SQLSTATE of a pg error, also when TypeORM wraps it (QueryFailedError keeps it as `code` and in `driverError`). */
function sqlState(error: unknown): string | undefined {
  const candidate = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = candidate?.code ?? candidate?.driverError?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Counts a deadlock or serialization failure; other errors are ignored. Returns whether it was one. */
export function countPostgresConflict(error: unknown, where: string): boolean {
  const state = sqlState(error);
  if (!state || !CONFLICT_STATES.has(state)) return false;
  postgresConflicts.inc({ sqlstate: state, where });
  return true;
}
