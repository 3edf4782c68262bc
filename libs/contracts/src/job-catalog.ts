import { JobName, QueueName } from './queue-names';

/**
 * Payloads carry ids, never ticket contents: a job reads the current row.
 * `v` is the payload version; bump it (and keep reading the old one) when the shape changes.
 */
export interface TicketJobData {
  v: 1;
  ticketId: string;
  /** Pipeline revision: 1 for the first triage, +1 for every requested response. */
  revision: number;
}

export interface TrainCategorizerData {
  v: 1;
  /** Who asked: an admin's name, or 'schedule'. */
  requestedBy: string;
  /** Train even when the data has not changed since the active model (an explicit request). */
  force: boolean;
}

/** Which queue each job runs on and what it carries: producers and consumers share this one map. */
export interface JobCatalog {
  [JobName.CategorizeTicket]: { queue: typeof QueueName.Categorization; data: TicketJobData };
  [JobName.AnalyzeSentiment]: { queue: typeof QueueName.Sentiment; data: TicketJobData };
  [JobName.SuggestResponse]: { queue: typeof QueueName.RagResponse; data: TicketJobData };
  [JobName.EvaluateEscalation]: { queue: typeof QueueName.Escalation; data: TicketJobData };
  [JobName.TrainCategorizer]: { queue: typeof QueueName.ModelTraining; data: TrainCategorizerData };
}

export type JobOf<N extends JobName> = { name: N; data: JobCatalog[N]['data'] };
export type AnyJob = { [N in JobName]: JobOf<N> }[JobName];
export type JobNamesOf<Q extends QueueName> = { [N in JobName]: JobCatalog[N]['queue'] extends Q ? N : never }[JobName];

export const JOB_QUEUE: { [N in JobName]: JobCatalog[N]['queue'] } = {
  [JobName.CategorizeTicket]: QueueName.Categorization,
  [JobName.AnalyzeSentiment]: QueueName.Sentiment,
  [JobName.SuggestResponse]: QueueName.RagResponse,
  [JobName.EvaluateEscalation]: QueueName.Escalation,
  [JobName.TrainCategorizer]: QueueName.ModelTraining,
};

/** Deterministic job id: the same ticket, stage and revision is one job, however often it is published. */
export function ticketJobId(name: JobName, data: Pick<TicketJobData, 'ticketId' | 'revision'>): string {
  // BullMQ forbids ':' in custom ids.
  return `${data.ticketId}.${name}.r${data.revision}`;
}
