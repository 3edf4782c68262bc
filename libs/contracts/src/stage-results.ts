import type { SlaMetric } from './job-catalog';

/** Where an AI output came from, so agents and rules can decide how far to trust it. */
export type OutputSource = 'model' | 'rules' | 'llm';

export interface AiOutput {
  confidence: number;
  source: OutputSource;
}

export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export const PRIORITIES: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];

export interface CategorizationResult extends AiOutput {
  category: string;
  /** 0: the taxonomy's few-shot model; n: trained version n (category_models). */
  modelVersion: number;
  /** Below the configured confidence: an agent should confirm the category. */
  needsReview: boolean;
  /** English lines (logs, the timeline, results stored before the fields below); readers in other languages are shown those fields. */
  explanation: string[];
  /** The customer's words the model matched, as typed. Absent on older results, out-of-scope ones and an LLM's verdict. */
  matchedTerms?: string[];
  /** Set where an LLM overruled the model: its own reason, and what the model had said. Absent on older results. */
  judged?: { reason: string; modelVersion: number; category: string; confidence: number };
  alternatives: { category: string; confidence: number }[];
  priority: PriorityResult;
}

export interface PriorityResult extends AiOutput {
  level: Priority;
  /** English reasons (logs, the timeline, results stored before `reasonCodes`). */
  reasons: string[];
  /** The same reasons as codes, for readers in other languages. Absent on results stored before it existed. */
  reasonCodes?: PriorityReason[];
}

export type PriorityReasonCode =
  | 'category-severity'
  | 'no-category-severity'
  | 'service-outage'
  | 'cannot-log-in'
  | 'money-taken-twice'
  | 'deadline'
  | 'security-or-fraud'
  | 'business-blocked'
  | 'vip-customer';

/** One reason behind a priority; `params.severity` for `category-severity`. */
export interface PriorityReason {
  code: PriorityReasonCode;
  params?: { severity?: 'low' | 'medium' | 'high' | 'critical' };
}

/** Complaint cues the sentiment rules recognise beyond single words. */
export const COMPLAINT_CUE_KINDS = [
  'repeat-contact',
  'waiting',
  'unanswered',
  'broken-promise',
  'churn-threat',
  'legal-threat',
  'demand',
  'ultimatum',
  'exasperation',
  'question',
  'sarcasm',
  'service-failure',
] as const;
export type ComplaintCueKind = (typeof COMPLAINT_CUE_KINDS)[number];

/** One piece of evidence behind a sentiment: a lexicon word (maybe negated), an emoji, emphasis, or a complaint cue. */
export interface SentimentSignal {
  kind: 'word' | 'negated-word' | 'emoji' | 'emphasis' | ComplaintCueKind;
  /** The matched text, e.g. "useless", "not happy", "😡", "!!!", "third time". */
  text: string;
  /** Signed contribution before normalisation (negative pulls towards "negative"). */
  weight: number;
}

export interface SentimentStageResult extends AiOutput {
  label: 'negative' | 'neutral' | 'positive';
  /** The rules' polarity in [-1, 1], whichever decided the label (escalation's "very negative" reads it). */
  score: number;
  /** 0: the zero-shot rules; n: trained version n. Absent on results stored before it existed. */
  modelVersion?: number;
  /** Why this label: the model's strongest terms, or the rules' strongest cues. Absent on older results. */
  explanation?: string[];
  /** Readable cues, strongest first, e.g. "useless(-3)", "not+happy", "legal-threat:chargeback". */
  cues: string[];
  /** The same evidence, typed. Absent on results stored before it existed. */
  signals?: SentimentSignal[];
  language: LanguageResult;
}

export interface LanguageResult extends AiOutput {
  /** ISO 639-1. */
  code: string;
  /** How it was decided (script rule, model, customer prior). Absent on results stored before it existed. */
  explanation?: string[];
  /** The next most likely languages, with their share of the model's belief. */
  alternatives?: { code: string; confidence: number }[];
}

/** A knowledge-base article a reply drew on. */
export interface ArticleSource {
  kind: 'article';
  articleId: string;
  title: string;
  path: string;
  score: number;
}

/** A resolved ticket whose resolution a reply drew on. */
export interface SolvedTicketSource {
  kind: 'ticket';
  ticketId: string;
  number: number;
  /** The solved ticket's subject. */
  title: string;
  score: number;
}

/** Listed best first; a reply written by an LLM cites them as [1], [2]... in this order. */
export type ResponseSource = ArticleSource | SolvedTicketSource;

/**
 * A solved ticket as a customer's answer cites it: its generalized subject only. Its id and number stay out:
 * it is another customer's ticket.
 */
export interface SolvedSolutionSource {
  kind: 'solution';
  title: string;
  score: number;
}

/** What the self-service assistant cites to a customer. */
export type CustomerSource = ArticleSource | SolvedSolutionSource;

export interface ResponseSuggestion extends AiOutput {
  body: string;
  language: string;
  needsHuman: boolean;
  sources: ResponseSource[];
}

export interface EscalationDecision extends AiOutput {
  escalate: boolean;
  /** 0 = none, 1 = senior agent, 2 = team lead, 3 = manager on call. */
  level: number;
  reasons: EscalationReason[];
}

/** Why a ticket was escalated: `detail` is an English sentence (logs, the API, the timeline); `params` its figures, for readers in other languages. */
export interface EscalationReason {
  rule: string;
  detail: string;
  /** Absent on decisions stored before params existed. */
  params?: EscalationReasonParams;
}

/** The figures behind a reason, each present only where its rule uses it. */
export interface EscalationReasonParams {
  /** Sentiment polarity in [-1, 1]. */
  score?: number;
  priority?: Priority;
  /** The suggested reply's confidence in [0, 1]. */
  confidence?: number;
  /** Other tickets from the customer within the last `days` days. */
  count?: number;
  days?: number;
  metrics?: SlaMetric[];
  /** Pipeline stages that failed for good. */
  stages?: string[];
  tier?: string;
}
