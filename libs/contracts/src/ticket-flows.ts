import type { FlowJob } from 'bullmq';
import { JOB_QUEUE, JobCatalog, SendMailData, sendMailJobId, solvedTicketJobId, SolvedTicketJobData, ticketJobId, TicketJobData, TicketJobName } from './job-catalog';
import { JobName } from './queue-names';
import { KEEP_COMPLETED, KEEP_FAILED, queueJobOptions, WORKER_SETTINGS } from './worker-settings';

function stageJob<N extends TicketJobName>(name: N, data: JobCatalog[N]['data'], children?: FlowJob[]): FlowJob {
  const queue = JOB_QUEUE[name];
  const { attempts, backoff } = WORKER_SETTINGS[queue];
  return {
    name,
    queueName: queue,
    data,
    children,
    opts: {
      jobId: ticketJobId(name, data),
      attempts,
      backoff,
      removeOnComplete: KEEP_COMPLETED,
      removeOnFail: KEEP_FAILED,
      // A stage that fails for good must not leave the ticket waiting forever: the next stage runs
      // with what exists, and the failure is on the ticket's timeline.
      ignoreDependencyOnFailure: true,
    },
  };
}

/**
 * The full triage of a new ticket. BullMQ runs children before parents, so:
 * categorization ∥ sentiment → rag-response (uses category and language) → escalation (sees everything).
 */
export function ticketTriageFlow(data: TicketJobData): FlowJob {
  return stageJob(JobName.EvaluateEscalation, data, [stageJob(JobName.SuggestResponse, data, [stageJob(JobName.CategorizeTicket, data), stageJob(JobName.AnalyzeSentiment, data)])]);
}

/** A fresh smart response requested by an agent; escalation re-evaluates with the new confidence. */
export function responseFlow(data: TicketJobData): FlowJob {
  return stageJob(JobName.EvaluateEscalation, data, [stageJob(JobName.SuggestResponse, data)]);
}

/** Brings the solved-tickets index in line with one ticket (a single job: nothing waits for it). */
export function solvedTicketFlow(data: SolvedTicketJobData): FlowJob {
  const queue = JOB_QUEUE[JobName.IndexSolvedTicket];
  return { name: JobName.IndexSolvedTicket, queueName: queue, data, opts: { jobId: solvedTicketJobId(data), ...queueJobOptions(queue) } };
}

/** Sends one stored mail (a single job with a deterministic id: a re-published outbox row is a no-op). */
export function sendMailFlow(data: SendMailData): FlowJob {
  const queue = JOB_QUEUE[JobName.SendMail];
  return { name: JobName.SendMail, queueName: queue, data, opts: { jobId: sendMailJobId(data), ...queueJobOptions(queue) } };
}
