/**
 * Queue and job names are a wire contract: jobs already in Redis outlive a deploy,
 * so these values must never change. Add new names instead.
 */
export const QueueName = {
  Categorization: 'categorization',
  Sentiment: 'sentiment',
  RagResponse: 'rag-response',
  Escalation: 'escalation',
  /** Retraining the categorizer: scheduled, and on demand from the API. */
  ModelTraining: 'model-training',
  /**
   * Retraining the sentiment model, on the sentiment workers. Its own queue: a BullMQ worker takes any job
   * of its queue, so the categorization workers on model-training would otherwise pick these up.
   */
  SentimentTraining: 'sentiment-training',
  /** Delayed SLA checkpoints (at risk, breached) of each ticket's clocks. */
  Sla: 'sla',
  /** Escalation notifications: signed webhooks and email, retried with backoff. */
  Notifications: 'notifications',
  /** Knowledge-base index updates after an API edit: any rag-worker makes the index follow Postgres. */
  Knowledge: 'knowledge',
  /** The email channel: polling support mailboxes (repeatable) and sending mail to customers, on the mail worker. */
  Mail: 'mail',
  /** The self-service assistant's questions: the gateway waits for the rag-worker's answer (request/response). */
  Assistant: 'assistant',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  CategorizeTicket: 'categorize-ticket',
  AnalyzeSentiment: 'analyze-sentiment',
  SuggestResponse: 'suggest-response',
  EvaluateEscalation: 'evaluate-escalation',
  TrainCategorizer: 'train-categorizer',
  TrainSentiment: 'train-sentiment',
  CheckSla: 'check-sla',
  DeliverNotification: 'deliver-notification',
  /** Adds a resolved ticket to the solved-tickets index, or removes one that is no longer resolved. */
  IndexSolvedTicket: 'index-solved-ticket',
  IndexKb: 'index-kb',
  /** Reads new mail from one support mailbox (a repeatable job per configured mailbox). */
  FetchMailbox: 'fetch-mailbox',
  /** Sends one stored outbound mail (a reply or a status notice) to the customer. */
  SendMail: 'send-mail',
  /** Answers a customer's question from kb/ and solved tickets, for the assistant. */
  AnswerQuestion: 'answer-question',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

/** The pipeline stage each queue implements, as recorded in results and the timeline. */
export const Stage = {
  Intake: 'intake',
  Categorization: 'categorization',
  Sentiment: 'sentiment',
  RagResponse: 'rag-response',
  Escalation: 'escalation',
  Routing: 'routing',
  Sla: 'sla',
  Agent: 'agent',
  Customer: 'customer',
  /** The email channel: mail received, queued, sent or failed. */
  Mail: 'mail',
} as const;
export type Stage = (typeof Stage)[keyof typeof Stage];
