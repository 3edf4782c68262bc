import type { TFunction } from 'i18next';
import type { TimelineEvent } from '../api/api-types';
import { localeTranslator } from '../i18n/locale-translator.test-support';
import { TIMELINE_STAGES, TIMELINE_TYPES, timelineEventText, type TimelineNames } from './timeline-event-text';

const names: TimelineNames = { category: (id) => `«${id}»`, team: (id) => (id ? `team ${id}` : 'no team'), language: (code) => `lang ${code}` };
const event = (type: string, data: Record<string, unknown> = {}): TimelineEvent => ({
  id: '1',
  stage: 'agent',
  type,
  summary: 'English server text',
  confidence: null,
  data,
  createdAt: '2026-01-01T00:00:00Z',
});

describe('timelineEventText', () => {
  let t: TFunction;
  const missing: string[] = [];

  beforeAll(async () => {
    t = await localeTranslator('de', missing);
  });

  it('titles every known type and stage from the locale, never with the raw type or the server summary', () => {
    for (const type of TIMELINE_TYPES) {
      const { title, detail } = timelineEventText(event(type), t, names);
      expect(title).not.toBe(type);
      expect(`${title} ${detail ?? ''}`).not.toContain('English server text');
    }
    for (const stage of TIMELINE_STAGES) expect(t(`ticket:timeline.stage.${stage}`)).not.toBe(`timeline.stage.${stage}`);
    expect(missing).toEqual([]);
  });

  it('renders the details from the data, with names for ids and localized values', () => {
    expect(timelineEventText(event('priority-changed', { from: 'normal', to: 'urgent' }), t, names)).toEqual({ title: 'Priorität geändert', detail: 'Normal → Dringend' });
    expect(timelineEventText(event('categorized', { category: 'shipping', priority: 'high', needsReview: false }), t, names).detail).toBe('Kategorie «shipping», Priorität Hoch');
    expect(timelineEventText(event('team-changed', { from: null, to: 't1' }), t, names).detail).toBe('no team → team t1');
    expect(timelineEventText(event('sla-breached', { metric: 'first_response', policy: 'urgent', targetMs: 1_800_000 }), t, names).detail).toBe(
      'Erste Antwort, Priorität Dringend, Ziel 30 Geschäftsminuten',
    );
    expect(missing).toEqual([]);
  });

  it('shows an unknown type as another event', () => {
    expect(timelineEventText(event('something-new'), t, names)).toEqual({ title: 'Anderes Ereignis' });
  });
});
