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
  explanation: string[];
  alternatives: { category: string; confidence: number }[];
  priority: PriorityResult;
}

export interface PriorityResult extends AiOutput {
  level: Priority;
  reasons: string[];
}

export interface SentimentStageResult extends AiOutput {
  label: 'negative' | 'neutral' | 'positive';
  score: number;
  cues: string[];
  language: LanguageResult;
}

export interface LanguageResult extends AiOutput {
  code: string;
}

export interface ResponseSource {
  articleId: string;
  title: string;
  path: string;
  score: number;
}

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
  reasons: { rule: string; detail: string }[];
}
