import type { Job } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import { jobFailures, jobRetries } from './metrics';
import { countPostgresConflict } from './postgres-conflicts';

/** Counts one failed attempt of a job: final when no attempt is left (or it can never succeed), a retry otherwise. */
export function countJobFailure(queue: string, job: Pick<Job, 'attemptsMade' | 'opts'> | undefined, error: Error): void {
  const final = !job || job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError || error.name === 'UnrecoverableError';
  jobFailures.inc({ queue, final: String(final) });
  if (!final) jobRetries.inc({ queue });
  countPostgresConflict(error, `queue:${queue}`);
}
