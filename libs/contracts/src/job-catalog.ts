import { JobName, QueueName } from './queue-names';
import type { CustomerSource } from './stage-results';

/**
 * The trace context of the request or job that set a job off (W3C `traceparent`/`tracestate` with the default
 * propagator), so the job's span joins that trace. Set only while tracing is on; readers that ignore it lose nothing.
 */
export type TraceCarrier = Record<string, string>;

/** A payload written through the outbox: it carries the trace of the change it announces. */
interface Traced {
  trace?: TraceCarrier;
}

/**
 * Payloads carry ids, never ticket contents: a job reads the current row.
 * `v` is the payload version; bump it (and keep reading the old one) when the shape changes.
 */
export interface TicketJobData extends Traced {
  v: 1;
  ticketId: string;
  /** Pipeline revision: 1 for the first triage, +1 for every requested response. */
  revision: number;
}

/** A retraining of one of the learned models (categorizer, sentiment). */
export interface TrainModelData {
  v: 1;
  /** Who asked: an admin's name, or 'schedule'. */
  requestedBy: string;
  /** Train even when the data has not changed since the active model (an explicit request). */
  force: boolean;
}

/** A checkpoint of one SLA clock; a job whose generation is no longer the clock's is stale and does nothing. */
export interface SlaCheckJobData {
  v: 1;
  ticketId: string;
  metric: SlaMetric;
  generation: number;
}

export type SlaMetric = 'first_response' | 'resolution';
export const SLA_METRICS: readonly SlaMetric[] = ['first_response', 'resolution'];

/** One stored notification (webhook or email) to deliver; its body is read from the row. */
export interface NotificationJobData {
  v: 1;
  notificationId: string;
}

/**
 * A ticket whose solved state may have changed (resolved, reopened, resolution or category edited).
 * The job reads the row and makes the index match it, so only the latest version matters.
 */
export interface SolvedTicketJobData extends Traced {
  v: 1;
  ticketId: string;
  /** The ticket's version after the change: one job per change. */
  version: number;
}

/**
 * Brings the kb vector index up to date with kb_articles after a change (every pending article, not
 * just the one named: the job is idempotent, and one run catches up on changes whose job was lost).
 */
export interface IndexKbData {
  v: 1;
  /** Who changed articles (an account's email), and how many: for logs. */
  requestedBy: string;
  articles: number;
}

/** One support mailbox to read; the key names a configured mailbox (never its credentials). */
export interface FetchMailboxData {
  v: 1;
  mailbox: string;
}

/** One stored outbound mail (mail_messages row); its recipient, headers and body are read from the rows. */
export interface SendMailData extends Traced {
  v: 1;
  mailId: string;
}

/**
 * A customer's question to the self-service assistant. The question itself travels (it is short and
 * already bounded by the API): the gateway waits for the answer, so there is no row to read it from yet.
 */
export interface AnswerQuestionData {
  v: 1;
  question: string;
  /** The conversation's language so far: a prior for a very short question. */
  languageHint?: string;
}

/** What the rag-worker answers: the reply in the customer's language, quoting only its best source. */
export interface AssistantAnswer {
  /** The question's language (fastText in libs/nlp), one of the seven the product replies in. */
  language: string;
  /** False when retrieval was too weak to answer: the body then says so and offers a ticket. */
  answered: boolean;
  body: string;
  confidence: number;
  source: 'rules';
  citations: CustomerSource[];
}

/** Which queue each job runs on and what it carries: producers and consumers share this one map. */
export interface JobCatalog {
  [JobName.CategorizeTicket]: { queue: typeof QueueName.Categorization; data: TicketJobData };
  [JobName.AnalyzeSentiment]: { queue: typeof QueueName.Sentiment; data: TicketJobData };
  [JobName.SuggestResponse]: { queue: typeof QueueName.RagResponse; data: TicketJobData };
  [JobName.EvaluateEscalation]: { queue: typeof QueueName.Escalation; data: TicketJobData };
  [JobName.TrainCategorizer]: { queue: typeof QueueName.ModelTraining; data: TrainModelData };
  [JobName.TrainSentiment]: { queue: typeof QueueName.SentimentTraining; data: TrainModelData };
  [JobName.CheckSla]: { queue: typeof QueueName.Sla; data: SlaCheckJobData };
  [JobName.DeliverNotification]: { queue: typeof QueueName.Notifications; data: NotificationJobData };
  [JobName.IndexSolvedTicket]: { queue: typeof QueueName.RagResponse; data: SolvedTicketJobData };
  [JobName.IndexKb]: { queue: typeof QueueName.Knowledge; data: IndexKbData };
  [JobName.FetchMailbox]: { queue: typeof QueueName.Mail; data: FetchMailboxData };
  [JobName.SendMail]: { queue: typeof QueueName.Mail; data: SendMailData };
  [JobName.AnswerQuestion]: { queue: typeof QueueName.Assistant; data: AnswerQuestionData };
}

/** The jobs of the ticket pipeline (their payload is a ticket and a revision). */
export type TicketJobName = { [N in JobName]: JobCatalog[N]['data'] extends TicketJobData ? N : never }[JobName];

export type JobOf<N extends JobName> = { name: N; data: JobCatalog[N]['data'] };
export type AnyJob = { [N in JobName]: JobOf<N> }[JobName];
export type JobNamesOf<Q extends QueueName> = { [N in JobName]: JobCatalog[N]['queue'] extends Q ? N : never }[JobName];

export const JOB_QUEUE: { [N in JobName]: JobCatalog[N]['queue'] } = {
  [JobName.CategorizeTicket]: QueueName.Categorization,
  [JobName.AnalyzeSentiment]: QueueName.Sentiment,
  [JobName.SuggestResponse]: QueueName.RagResponse,
  [JobName.EvaluateEscalation]: QueueName.Escalation,
  [JobName.TrainCategorizer]: QueueName.ModelTraining,
  [JobName.TrainSentiment]: QueueName.SentimentTraining,
  [JobName.CheckSla]: QueueName.Sla,
  [JobName.DeliverNotification]: QueueName.Notifications,
  [JobName.IndexSolvedTicket]: QueueName.RagResponse,
  [JobName.IndexKb]: QueueName.Knowledge,
  [JobName.FetchMailbox]: QueueName.Mail,
  [JobName.SendMail]: QueueName.Mail,
  [JobName.AnswerQuestion]: QueueName.Assistant,
};

/** Deterministic job id: the same ticket, stage and revision is one job, however often it is published. */
export function ticketJobId(name: JobName, data: Pick<TicketJobData, 'ticketId' | 'revision'>): string {
  // BullMQ forbids ':' in custom ids.
  return `${data.ticketId}.${name}.r${data.revision}`;
}

export function solvedTicketJobId(data: Pick<SolvedTicketJobData, 'ticketId' | 'version'>): string {
  return `${data.ticketId}.${JobName.IndexSolvedTicket}.v${data.version}`;
}

/** One send job per stored mail: a re-published outbox row adds nothing. */
export function sendMailJobId(data: Pick<SendMailData, 'mailId'>): string {
  return `${data.mailId}.${JobName.SendMail}`;
}

/** The job scheduler (repeatable job) of one mailbox: every replica upserts the same one. */
export function mailboxSchedulerId(data: Pick<FetchMailboxData, 'mailbox'>): string {
  return `${JobName.FetchMailbox}.${data.mailbox}`;
}
