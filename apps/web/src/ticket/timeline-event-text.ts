import type { TFunction } from 'i18next';
import type { TimelineEvent } from '../api/api-types';

/** The event types the gateway and workers record; any other is shown as "other event", never as its raw type. */
export const TIMELINE_TYPES = [
  'received',
  'categorized',
  'sentiment-analyzed',
  'escalated',
  'not-escalated',
  'response-suggested',
  'response-requested',
  'routed',
  'assigned',
  'unassigned',
  'sla-at-risk',
  'sla-breached',
  'status-changed',
  'resolved',
  'closed',
  'reopened',
  'priority-changed',
  'team-changed',
  'category-corrected',
  'category-confirmed',
  'sentiment-corrected',
  'sentiment-confirmed',
  'suggestion-accepted',
  'suggestion-edited',
  'suggestion-feedback',
  'customer-replied',
  'agent-replied',
  'note-added',
  'attachment-added',
  'merged',
  'merge-received',
  'unmerged',
  'merge-undone',
  'linked',
  'rated',
  'email-queued',
  'email-sent',
  'email-failed',
  'stage.failed',
] as const;

export const TIMELINE_STAGES = ['intake', 'categorization', 'sentiment', 'rag-response', 'escalation', 'routing', 'sla', 'agent', 'customer', 'mail'] as const;

/** Names for the ids an event's data carries: categories, teams, languages. */
export interface TimelineNames {
  category: (id: string) => string;
  team: (id: string | null) => string;
  language: (code: string) => string;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const count = (value: unknown) => (typeof value === 'number' ? value : undefined);

/**
 * An event's title and details in the reader's language, from its type and data (the server's `summary` is an
 * English record for logs and the API). Details are left out where the data lacks what they need.
 */
export function timelineEventText(event: TimelineEvent, t: TFunction, names: TimelineNames): { title: string; detail?: string } {
  const known = (TIMELINE_TYPES as readonly string[]).includes(event.type);
  const title = t(known ? `ticket:timeline.type.${event.type}` : 'ticket:timeline.type.other');
  const data = event.data ?? {};
  const status = (value: unknown) => (text(value) ? t(`common:status.${text(value)}`) : t('ticket:timeline.unset'));
  const priority = (value: unknown) => (text(value) ? t(`common:priority.${text(value)}`) : t('ticket:timeline.unset'));
  const sentiment = (value: unknown) => (text(value) ? t(`common:sentiment.${text(value)}`) : t('ticket:timeline.unset'));
  const category = (value: unknown) => (text(value) ? names.category(text(value)!) : t('ticket:timeline.unset'));
  const change = (from: string, to: string) => t('ticket:timeline.detail.change', { from, to });
  const detail = (key: string, values: Record<string, unknown> = {}) => t(`ticket:timeline.detail.${key}`, values);
  switch (event.type) {
    case 'categorized':
      return { title, detail: detail(data.needsReview ? 'categorizedReview' : 'categorized', { category: category(data.category), priority: priority(data.priority) }) };
    case 'sentiment-analyzed':
      return { title, detail: detail('sentimentAnalyzed', { sentiment: sentiment(data.label), language: text(data.language) ? names.language(text(data.language)!) : t('ticket:timeline.unset') }) };
    case 'escalated':
      return { title, detail: detail('escalated', { level: count(data.level) ?? '–' }) };
    case 'response-suggested':
      return { title, detail: detail(data.needsHuman ? 'responseNeedsHuman' : 'response', { revision: count(data.revision) ?? '–', sources: Array.isArray(data.sources) ? data.sources.length : 0 }) };
    case 'routed':
      return { title, detail: detail('routed', { team: names.team(text(data.teamId) ?? null), category: category(data.category) }) };
    case 'assigned':
      return count(data.capacity) !== undefined ? { title, detail: detail('assigned', { open: count(data.open) ?? 0, capacity: count(data.capacity) }) } : { title };
    case 'sla-at-risk':
    case 'sla-breached':
      return {
        title,
        detail: detail('sla', { metric: t(`ticket:sla.metric.${text(data.metric) ?? 'resolution'}`), priority: priority(data.policy), minutes: Math.round((count(data.targetMs) ?? 0) / 60_000) }),
      };
    case 'status-changed':
    case 'resolved':
    case 'closed':
    case 'reopened':
      return data.from === undefined ? { title } : { title, detail: change(status(data.from), status(data.to)) };
    case 'priority-changed':
      return { title, detail: change(priority(data.from), priority(data.to)) };
    case 'team-changed':
      return { title, detail: change(names.team(text(data.from) ?? null), names.team(text(data.to) ?? null)) };
    case 'category-corrected':
      return { title, detail: change(category(data.from), category(data.to)) };
    case 'category-confirmed':
      return { title, detail: category(data.to) };
    case 'sentiment-corrected':
      return { title, detail: change(sentiment(data.from), sentiment(data.to)) };
    case 'sentiment-confirmed':
      return { title, detail: sentiment(data.to) };
    case 'suggestion-accepted':
    case 'suggestion-edited':
      return { title, detail: detail('revision', { revision: count(data.revision) ?? '–' }) };
    case 'suggestion-feedback':
      return {
        title,
        detail:
          detail('feedback', { revision: count(data.revision) ?? '–', outcome: t(`ticket:timeline.outcome.${text(data.outcome) ?? 'rejected'}`) }) +
          (text(data.reason) ? ` “${text(data.reason)}”` : ''),
      };
    case 'merged':
      return count(data.targetNumber) !== undefined ? { title, detail: detail('merged', { number: count(data.targetNumber) }) } : { title };
    case 'rated':
      return { title, detail: detail('rated', { score: count(data.score) ?? '–' }) };
    case 'email-sent':
      return count(data.attempts) !== undefined ? { title, detail: detail('attempts', { attempts: count(data.attempts) }) } : { title };
    case 'stage.failed':
      return { title, detail: detail('attempts', { attempts: count(data.attempts) ?? 0 }) };
    default:
      return { title };
  }
}
