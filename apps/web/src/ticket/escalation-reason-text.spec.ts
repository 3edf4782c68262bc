import { localeFormat } from '../i18n/locale-format';
import { localeTranslator } from '../i18n/locale-translator.test-support';
import { escalationReasonText } from './escalation-reason-text';

describe('escalationReasonText', () => {
  const missing: string[] = [];
  const translator = (language: string) => localeTranslator(language, missing);
  let de: (rule: string, detail: string, params?: Record<string, unknown>) => string;

  beforeAll(async () => {
    const t = await translator('de');
    de = (rule, detail, params) => escalationReasonText({ rule, detail, params }, t, localeFormat('de'));
  });
  afterEach(() => expect(missing).toEqual([]));

  it('phrases each figure in German: numbers, percentages, priority, SLA clocks and stages by their German names', () => {
    expect(de('negative-high-priority', 'negative sentiment (-0.62) on a high-priority ticket', { score: -0.62, priority: 'high' })).toBe(
      'Unzufriedener Kunde, hohe Priorität (Stimmung -0,62, Priorität Hoch)',
    );
    expect(de('very-negative', 'very negative sentiment (-0.80)', { score: -0.8 })).toBe('Sehr unzufriedener Kunde (Stimmung -0,80)');
    expect(de('low-response-confidence', 'suggested reply confidence 0.31', { confidence: 0.31 })).toBe('Keine verlässliche Antwort (Antwortvorschlag, Konfidenz 31\u00a0%)');
    expect(de('sla-breached', 'first response and resolution SLA breached', { metrics: ['first_response', 'resolution'] })).toBe('SLA verletzt (Erste Antwort und Lösung)');
    expect(de('stage-failed', 'failed: sentiment', { stages: ['sentiment'] })).toBe('Ein Triage-Schritt ist fehlgeschlagen (Fehler bei Stimmung)');
    expect(de('vip-customer', 'gold customer', { tier: 'gold' })).toBe('VIP-Kunde (Stufe: gold)');
  });

  it('counts in the plural forms of the language', async () => {
    expect(de('repeat-contact', '2 other tickets from this customer in the last 7 days', { count: 2, days: 7 })).toBe('Hat schon einmal geschrieben (2 weitere Tickets in den letzten 7 Tagen)');
    expect(de('repeat-contact', '1 other tickets from this customer in the last 1 days', { count: 1, days: 1 })).toBe('Hat schon einmal geschrieben (1 weiteres Ticket innerhalb des letzten Tages)');
    const ja = await translator('ja');
    expect(escalationReasonText({ rule: 'repeat-contact', detail: 'English', params: { count: 1, days: 7 } }, ja, localeFormat('ja'))).toBe('以前にも問い合わせあり（過去 7 日間に他のチケット 1 件）');
  });

  it('names a rule alone when its name says all there is', () => {
    expect(de('human-requested', 'the customer asked for a human', {})).toBe('Wollte einen Menschen sprechen');
  });

  it('falls back to the recorded English detail for results stored without figures, or figures it cannot read', () => {
    expect(de('very-negative', 'very negative sentiment (-0.80)')).toBe('Sehr unzufriedener Kunde (very negative sentiment (-0.80))');
    expect(de('human-requested', 'the customer asked for a human')).toBe('Wollte einen Menschen sprechen (the customer asked for a human)');
    expect(de('repeat-contact', '2 other tickets from this customer in the last 7 days', { count: 2 })).toBe('Hat schon einmal geschrieben (2 other tickets from this customer in the last 7 days)');
  });
});
