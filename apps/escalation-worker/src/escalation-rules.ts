import type { CategorizationResult, EscalationDecision, EscalationReasonParams, Priority, ResponseSuggestion, SentimentStageResult, SlaMetric } from '@smartdesk/contracts';
import { foldText } from '@smartdesk/nlp';
import { DEFAULT_ESCALATION_RULES, EscalationRules, RuleName, wordMatcher } from './escalation-config';

export interface EscalationInput {
  text: string;
  categorization?: CategorizationResult;
  sentiment?: SentimentStageResult;
  response?: ResponseSuggestion;
  /** Stages that failed for good: the ticket was not fully understood. */
  failedStages: string[];
  /** The service tier of the customer's account (none for an anonymous web form). */
  customerTier?: string | null;
  /** Other tickets from the same customer within the repeat-contact window. */
  recentContacts?: number;
  /** SLA clocks past their at-risk share, and past their target, that are still running. */
  sla?: { atRisk: SlaMetric[]; breached: SlaMetric[] };
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
/** The same in Chinese and Japanese, which have no spaces for word boundaries (folded like the text: "ペ" reads "ヘ"). */
const HUMAN_REQUEST_CJK = new RegExp(['人工客服', '转人工', '找人工', '真人客服', 'オペレーター', '担当者と話', '人と話'].map(foldText).join('|'));

const HIGH: Priority[] = ['high', 'urgent'];
/** Compiled once per word list (the rules are loaded once per process). */
const LEGAL_MATCHERS = new WeakMap<string[], RegExp>();
const legalMatcher = (words: string[]) => LEGAL_MATCHERS.get(words) ?? LEGAL_MATCHERS.set(words, wordMatcher(words)).get(words)!;
const METRIC_NAMES: Record<SlaMetric, string> = { first_response: 'first response', resolution: 'resolution' };

/** Rules over every stage's results; the level is the highest any rule asks for, with every reason listed. */
export function decideEscalation(input: EscalationInput, rules: EscalationRules = DEFAULT_ESCALATION_RULES): EscalationDecision {
  const text = foldText(input.text);
  const findings: Finding[] = [];
  const add = (rule: RuleName, detail: string, params: EscalationReasonParams, confidence: number, level = rules[rule].level) => {
    if (level > 0) findings.push({ rule, detail, params, level, confidence });
  };
  const { sentiment, categorization, response } = input;
  const priority = categorization?.priority.level;

  if (HUMAN_REQUEST.test(text) || HUMAN_REQUEST_CJK.test(text)) add('human-requested', 'the customer asked for a human', {}, 0.95);
  if (legalMatcher(rules['legal-or-security'].words).test(text)) add('legal-or-security', 'legal or security words in the ticket', {}, 0.9);
  const negativeHighPriority =
    sentiment?.label === 'negative' && sentiment.score <= rules['negative-high-priority'].score && priority && HIGH.includes(priority) && rules['negative-high-priority'].level > 0;
  if (negativeHighPriority) {
    add(
      'negative-high-priority',
      `negative sentiment (${sentiment.score.toFixed(2)}) on a ${priority}-priority ticket`,
      { score: sentiment.score, priority },
      Math.min(sentiment.confidence, categorization!.priority.confidence),
      priority === 'urgent' ? rules['negative-high-priority'].urgentLevel : rules['negative-high-priority'].level,
    );
  } else if (sentiment?.label === 'negative' && sentiment.score <= rules['very-negative'].score) {
    add('very-negative', `very negative sentiment (${sentiment.score.toFixed(2)})`, { score: sentiment.score }, sentiment.confidence);
  }
  if (response?.needsHuman) {
    add('low-response-confidence', `suggested reply confidence ${response.confidence.toFixed(2)}`, { confidence: response.confidence }, 1 - response.confidence);
  }
  if (categorization?.category === 'other') add('out-of-scope', 'no category fits', {}, categorization.confidence);
  if (input.failedStages.length > 0) add('stage-failed', `failed: ${input.failedStages.join(', ')}`, { stages: input.failedStages }, 1);
  if (input.customerTier && rules['vip-customer'].tiers.includes(input.customerTier)) add('vip-customer', `${input.customerTier} customer`, { tier: input.customerTier }, 1);
  const repeat = rules['repeat-contact'];
  const recentContacts = input.recentContacts ?? 0;
  if (recentContacts >= repeat.tickets) {
    add('repeat-contact', `${recentContacts} other tickets from this customer in the last ${repeat.days} days`, { count: recentContacts, days: repeat.days }, 1);
  }
  const breached = input.sla?.breached ?? [];
  const atRisk = (input.sla?.atRisk ?? []).filter((metric) => !breached.includes(metric));
  if (breached.length) add('sla-breached', `${breached.map((metric) => METRIC_NAMES[metric]).join(' and ')} SLA breached`, { metrics: breached }, 1);
  if (atRisk.length) add('sla-at-risk', `${atRisk.map((metric) => METRIC_NAMES[metric]).join(' and ')} SLA at risk`, { metrics: atRisk }, 1);

  const level = Math.max(0, ...findings.map((finding) => finding.level));
  // Escalating rests on the strongest rule that fired; not escalating on the weakest signal that was checked.
  const checked = [sentiment?.confidence, categorization?.priority.confidence, response ? 1 - Math.abs(response.confidence - 0.5) : undefined].filter((value): value is number => value !== undefined);
  const confidence = findings.length > 0 ? Math.max(...findings.map((finding) => finding.confidence)) : checked.length ? Math.min(...checked) : 0.5;
  return {
    escalate: level > 0,
    level,
    reasons: findings.map(({ rule, detail, params }) => ({ rule, detail, params })),
    confidence: Math.round(confidence * 1000) / 1000,
    source: 'rules',
  };
}
