import type { CategorizationResult, EscalationDecision, Priority, ResponseSuggestion, SentimentStageResult } from '@smartdesk/contracts';
import { foldText } from '@smartdesk/nlp';

export interface EscalationInput {
  text: string;
  categorization?: CategorizationResult;
  sentiment?: SentimentStageResult;
  response?: ResponseSuggestion;
  /** Stages that failed for good: the ticket was not fully understood. */
  failedStages: string[];
}

type Reason = EscalationDecision['reasons'][number];
interface Finding extends Reason {
  level: number;
  /** How sure the evidence behind this rule is. */
  confidence: number;
}

/** "I want a human" in the languages the product supports (matched on accent-folded text). */
const HUMAN_REQUEST =
  /\b((speak|talk|chat) (to|with) (a |an |your )?(real |actual |live )?(human|person|agent|manager|supervisor|someone|somebody|representative)|real person|human (agent|being)|hablar con (una persona|un agente|un humano|alguien|el encargado|un supervisor|un responsable)|parler a (un humain|une personne|un conseiller)|mit (einem menschen|einer person|einem mitarbeiter) sprechen|falar com (uma pessoa|um atendente|um humano))\b/;
const LEGAL_OR_SECURITY = /\b(lawyer|attorney|legal action|sue|lawsuit|court|chargeback|gdpr|data breach|hacked|fraud|fraudulent|abogado|demanda|denuncia|avocat|anwalt)\b/;

const HIGH: Priority[] = ['high', 'urgent'];

/** Rules over every stage's results; the level is the highest any rule asks for, with every reason listed. */
export function decideEscalation(input: EscalationInput): EscalationDecision {
  const text = foldText(input.text);
  const findings: Finding[] = [];
  const { sentiment, categorization, response } = input;
  const priority = categorization?.priority.level;

  if (HUMAN_REQUEST.test(text)) findings.push({ rule: 'human-requested', detail: 'the customer asked for a human', level: 2, confidence: 0.95 });
  if (LEGAL_OR_SECURITY.test(text)) findings.push({ rule: 'legal-or-security', detail: 'legal or security words in the ticket', level: 2, confidence: 0.9 });
  if (sentiment?.label === 'negative' && priority && HIGH.includes(priority)) {
    findings.push({
      rule: 'negative-high-priority',
      detail: `negative sentiment (${sentiment.score.toFixed(2)}) on a ${priority}-priority ticket`,
      level: priority === 'urgent' ? 3 : 2,
      confidence: Math.min(sentiment.confidence, categorization!.priority.confidence),
    });
  } else if (sentiment?.label === 'negative' && sentiment.score <= -0.6) {
    findings.push({ rule: 'very-negative', detail: `very negative sentiment (${sentiment.score.toFixed(2)})`, level: 1, confidence: sentiment.confidence });
  }
  if (response?.needsHuman) {
    findings.push({ rule: 'low-response-confidence', detail: `suggested reply confidence ${response.confidence.toFixed(2)}`, level: 1, confidence: 1 - response.confidence });
  }
  if (categorization?.category === 'other') findings.push({ rule: 'out-of-scope', detail: 'no category fits', level: 1, confidence: categorization.confidence });
  if (input.failedStages.length > 0) findings.push({ rule: 'stage-failed', detail: `failed: ${input.failedStages.join(', ')}`, level: 1, confidence: 1 });

  const level = Math.max(0, ...findings.map((finding) => finding.level));
  // Escalating rests on the strongest rule that fired; not escalating on the weakest signal that was checked.
  const checked = [sentiment?.confidence, categorization?.priority.confidence, response ? 1 - Math.abs(response.confidence - 0.5) : undefined].filter(
    (value): value is number => value !== undefined,
  );
  const confidence = findings.length > 0 ? Math.max(...findings.map((finding) => finding.confidence)) : checked.length ? Math.min(...checked) : 0.5;
  return {
    escalate: level > 0,
    level,
    reasons: findings.map(({ rule, detail }) => ({ rule, detail })),
    confidence: Math.round(confidence * 1000) / 1000,
    source: 'rules',
  };
}
