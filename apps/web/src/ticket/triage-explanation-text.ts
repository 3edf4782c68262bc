import type { TFunction } from 'i18next';
import type { LocaleFormat } from '../i18n/locale-format';

/** A categorization result as the worker records it: English `explanation` lines, and the data behind them (absent on older results). */
export interface CategoryExplanation {
  explanation?: unknown;
  matchedTerms?: unknown;
  judged?: unknown;
}

/** A priority result: English `reasons`, and the same reasons as codes (absent on older results). */
export interface PriorityExplanation {
  reasons?: unknown;
  reasonCodes?: unknown;
}

const textsIn = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
const recordsIn = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null) : []);

/**
 * Why the category, in the reader's language: the words the model matched (as the customer typed them), or an LLM's
 * own reason (as it wrote it) and what the model had said, by the category's name. The recorded English lines stand
 * in for results stored without that data, and for an out-of-scope verdict (its reason is English only).
 */
export function categoryExplanationTexts(result: CategoryExplanation, t: TFunction, format: LocaleFormat, nameOf: (category: string) => string): string[] {
  const judged = result.judged as { reason?: unknown; modelVersion?: unknown; category?: unknown; confidence?: unknown } | undefined;
  if (judged && typeof judged.reason === 'string' && typeof judged.modelVersion === 'number' && typeof judged.category === 'string' && typeof judged.confidence === 'number') {
    return [
      t('ticket:triage.categoryExplanation.llm', { reason: judged.reason }),
      t('ticket:triage.categoryExplanation.model', { version: judged.modelVersion, category: nameOf(judged.category), confidence: format.percent(judged.confidence) }),
    ];
  }
  if (Array.isArray(result.matchedTerms)) return textsIn(result.matchedTerms).map((term) => t('ticket:triage.categoryExplanation.matched', { term }));
  return textsIn(result.explanation);
}

const PRIORITY_REASONS = ['no-category-severity', 'service-outage', 'cannot-log-in', 'money-taken-twice', 'deadline', 'security-or-fraud', 'business-blocked', 'vip-customer'];
const SEVERITIES = ['low', 'medium', 'high', 'critical'];

/** Why the priority, in the reader's language, from the reasons' codes; the recorded English reasons for results without codes, and for a code this build does not know. */
export function priorityReasonTexts(result: PriorityExplanation, t: TFunction): string[] {
  const english = textsIn(result.reasons);
  const codes = recordsIn(result.reasonCodes);
  if (codes.length === 0) return english;
  // Codes and English reasons are recorded side by side, one for one.
  return codes.map(({ code, params }, index) => {
    const severity = (params as { severity?: unknown } | undefined)?.severity;
    if (code === 'category-severity' && typeof severity === 'string' && SEVERITIES.includes(severity)) {
      return t('ticket:triage.priorityReason.category-severity', { severity: t(`ticket:triage.severity.${severity}`) });
    }
    return typeof code === 'string' && PRIORITY_REASONS.includes(code) ? t(`ticket:triage.priorityReason.${code}`) : (english[index] ?? String(code));
  });
}
