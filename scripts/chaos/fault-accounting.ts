import type { PacedSubmission } from '../bench/paced-load';

/** Every accepted ticket must be fully triaged within this long of the recovery (or of its own post, if later). */
export const TRIAGE_DEADLINE_MS = 60_000;

/** What the database says about one accepted ticket. */
export interface TicketOutcome {
  /** How many of the four stages wrote a result. */
  stagesDone: number;
  /** When the ticket was triaged (epoch ms); undefined until all four results are written. */
  triagedAt?: number;
  /** Timeline events or stage results written more than once for one stage and kind. */
  duplicates: number;
}

export interface FaultWindow {
  /** When the first injection happened (epoch ms). */
  faultAt: number;
  /** When the last faulted part was back (epoch ms). */
  recoveredAt: number;
}

export interface FaultResult {
  fault: string;
  injections: number;
  posted: number;
  accepted: number;
  /** Answers other than 201, by kind: `503 json`, `refused`, `reset`, `hang` (no answer within 5 s), or the status. */
  clientErrors: Record<string, number>;
  /** Accepted tickets with all four stages done within the deadline. */
  triaged: number;
  /** Accepted tickets with no row, or not fully triaged within the deadline. */
  lost: number;
  /** Accepted tickets with a stage result or timeline event written twice. */
  duplicated: number;
  /** From the fault to the first ticket posted after it being triaged; null if none was. */
  firstTriagedAfterFaultMs: number | null;
  /** From the fault to the last accepted ticket being triaged (the backlog drained); null if one never was. */
  drainedAfterFaultMs: number | null;
  /** From the fault to the faulted part being back. */
  outageMs: number;
}

/** The kind of a failed submission, as a client sees it. */
export function errorKind(submission: PacedSubmission): string {
  if (submission.status === 0) return submission.error === 'ECONNREFUSED' ? 'refused' : submission.error === 'TIMEOUT' ? 'hang' : 'reset';
  return submission.status === 503 && submission.jsonBody ? '503 json' : String(submission.status);
}

/** Counts one fault's phase: what the client saw, and what became of every ticket it was told was accepted. */
export function accountFault(fault: string, injections: number, window: FaultWindow, submissions: PacedSubmission[], outcomes: Map<string, TicketOutcome>): FaultResult {
  const clientErrors: Record<string, number> = {};
  for (const submission of submissions) {
    if (submission.status === 201) continue;
    const kind = errorKind(submission);
    clientErrors[kind] = (clientErrors[kind] ?? 0) + 1;
  }
  const accepted = submissions.filter((submission) => submission.status === 201 && submission.id !== undefined);
  let triaged = 0;
  let duplicated = 0;
  let firstAfterFault: PacedSubmission | undefined;
  let drainedAt: number | undefined = window.faultAt;
  for (const submission of accepted) {
    const outcome = outcomes.get(submission.id!);
    if (outcome && outcome.duplicates > 0) duplicated++;
    const deadline = Math.max(window.recoveredAt, submission.sentAt) + TRIAGE_DEADLINE_MS;
    const done = outcome?.stagesDone === 4 && outcome.triagedAt !== undefined && outcome.triagedAt <= deadline;
    if (done) triaged++;
    drainedAt = done && drainedAt !== undefined ? Math.max(drainedAt, outcome!.triagedAt!) : undefined;
    if (submission.sentAt >= window.faultAt && (!firstAfterFault || submission.sentAt < firstAfterFault.sentAt)) firstAfterFault = submission;
  }
  const firstTriagedAt = firstAfterFault && outcomes.get(firstAfterFault.id!)?.triagedAt;
  return {
    fault,
    injections,
    posted: submissions.length,
    accepted: accepted.length,
    clientErrors,
    triaged,
    lost: accepted.length - triaged,
    duplicated,
    firstTriagedAfterFaultMs: firstTriagedAt !== undefined ? firstTriagedAt - window.faultAt : null,
    drainedAfterFaultMs: drainedAt !== undefined ? drainedAt - window.faultAt : null,
    outageMs: window.recoveredAt - window.faultAt,
  };
}

/** Whether the run met the target of issue 16: nothing lost, nothing twice, no client left hanging. */
export function targetMet(results: FaultResult[]): boolean {
  return results.every((result) => result.lost === 0 && result.duplicated === 0 && !result.clientErrors.hang);
}
