import type { TFunction } from 'i18next';
import type { LocaleFormat } from '../i18n/locale-format';
import { TIMELINE_STAGES } from './timeline-event-text';

/** A reason as the escalation worker records it: an English `detail`, and its figures in `params` (absent on results stored before them). */
export interface EscalationReason {
  rule: string;
  detail: string;
  params?: Record<string, unknown>;
}

const numberIn = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const textIn = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const textsIn = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/**
 * "Rule (detail)" in the reader's language, the detail phrased from the reason's figures. Where they are missing
 * (an older result, a rule this build does not know) the recorded English detail stands in.
 */
export function escalationReasonText(reason: EscalationReason, t: TFunction, format: LocaleFormat): string {
  const rule = t(`ticket:triage.escalationRule.${reason.rule}`, { defaultValue: reason.rule });
  const detail = reason.params ? localizedDetail(reason.rule, reason.params, t, format) : undefined;
  // null: the rule's name says all there is (the customer asked for a human).
  return detail === null ? rule : t('ticket:triage.escalationReason', { rule, detail: detail ?? reason.detail });
}

function localizedDetail(rule: string, params: Record<string, unknown>, t: TFunction, format: LocaleFormat): string | null | undefined {
  const detail = (values: Record<string, unknown>, key = rule) => t(`ticket:triage.escalationDetail.${key}`, values);
  const score = numberIn(params.score);
  const count = numberIn(params.count);
  const days = numberIn(params.days);
  const confidence = numberIn(params.confidence);
  const stages = textsIn(params.stages);
  const metrics = textsIn(params.metrics);
  switch (rule) {
    case 'human-requested':
    case 'legal-or-security':
    case 'out-of-scope':
      return null;
    case 'negative-high-priority':
      return score !== undefined && textIn(params.priority) ? detail({ score: format.score(score), priority: t(`common:priority.${params.priority}`) }) : undefined;
    case 'very-negative':
      return score !== undefined ? detail({ score: format.score(score) }) : undefined;
    case 'low-response-confidence':
      return confidence !== undefined ? detail({ confidence: format.percent(confidence) }) : undefined;
    case 'repeat-contact':
      return count !== undefined && days !== undefined ? detail({ count, period: detail({ count: days }, 'lastDays') }) : undefined;
    case 'stage-failed':
      return stages.length ? detail({ stages: format.list(stages.map((stage) => t(`ticket:timeline.stage.${isStage(stage) ? stage : 'other'}`))) }) : undefined;
    case 'vip-customer':
      return textIn(params.tier) ? detail({ tier: params.tier }) : undefined;
    case 'sla-at-risk':
    case 'sla-breached':
      return metrics.length ? format.list(metrics.map((metric) => t(`ticket:sla.metric.${metric}`))) : undefined;
    default:
      return undefined;
  }
}

const isStage = (stage: string) => (TIMELINE_STAGES as readonly string[]).includes(stage);
