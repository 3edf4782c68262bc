import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Categorizer, loadTaxonomy, SentimentAnalyzer } from '@smartdesk/nlp';
import { decideEscalation } from '../../apps/escalation-worker/src/escalation-rules';
import { loadEscalationRules } from '../../apps/escalation-worker/src/escalation-config';

interface FixtureTicket {
  language: string;
  situation: string;
  mood: 'calm' | 'angry';
  category: string;
  subject: string;
  description: string;
}

const ROOT = join(__dirname, '../..');
const { tickets } = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/multilingual-triage.json'), 'utf8')) as { tickets: FixtureTicket[] };
const LANGUAGES = ['en', 'es', 'fr', 'de', 'pt', 'zh', 'ja'];

/**
 * The triage models the workers run (shipped taxonomy, zero-shot sentiment, shipped escalation rules) on the
 * same support situations written in the seven supported languages, with their known language (fastText
 * cannot load under jest's VM; language detection and retrieval and replies are measured through the
 * real workers in test/e2e/multilingual-triage.test.ts).
 */
describe('triage of the same tickets in seven languages', () => {
  const categorizer = new Categorizer(loadTaxonomy(join(ROOT, 'config/taxonomy.yml')), 0.5);
  const sentiment = new SentimentAnalyzer();
  const rules = loadEscalationRules(join(ROOT, 'config/escalation.yml'));
  const outcomes = tickets.map((ticket) => {
    const text = `${ticket.subject}\n${ticket.description}`;
    const { language } = ticket;
    const categorization = categorizer.categorize({ subject: ticket.subject, description: ticket.description });
    const { label, score, confidence, cues } = sentiment.analyze(text, language);
    const decision = decideEscalation(
      { text, categorization, sentiment: { label, score, confidence, cues, source: 'rules', language: { code: language, confidence: 1, source: 'rules' } }, failedStages: [] },
      rules,
    );
    return { ticket, category: categorization.category, escalated: decision.escalate, reasons: decision.reasons.map((reason) => reason.rule) };
  });

  it.each(LANGUAGES)('puts %s tickets in their category (>= 85%), never out of scope', (language) => {
    const own = outcomes.filter((outcome) => outcome.ticket.language === language);
    expect(own.length).toBeGreaterThanOrEqual(10);
    expect(own.filter((outcome) => outcome.category === outcome.ticket.category).length / own.length).toBeGreaterThanOrEqual(0.85);
    expect(own.filter((outcome) => outcome.reasons.includes('out-of-scope')).map((outcome) => outcome.ticket.situation)).toEqual([]);
  });

  it.each(LANGUAGES)('escalates every angry %s ticket', (language) => {
    const angry = outcomes.filter((outcome) => outcome.ticket.language === language && outcome.ticket.mood === 'angry');
    expect(angry.filter((outcome) => !outcome.escalated).map((outcome) => outcome.ticket.situation)).toEqual([]);
  });

  it.each(LANGUAGES)('escalates at most one calm %s ticket in ten', (language) => {
    const calm = outcomes.filter((outcome) => outcome.ticket.language === language && outcome.ticket.mood === 'calm');
    const escalated = calm.filter((outcome) => outcome.escalated);
    expect(escalated.length / calm.length).toBeLessThanOrEqual(0.1);
  });
});
