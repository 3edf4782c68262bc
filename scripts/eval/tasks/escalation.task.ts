import { join } from 'node:path';
import { Categorizer, LanguageDetector, loadTaxonomy, SentimentAnalyzer } from '@smartdesk/nlp';
import { loadEscalationRules } from '../../../apps/escalation-worker/src/escalation-config';
import { decideEscalation } from '../../../apps/escalation-worker/src/escalation-rules';
import { readLabelledCsv } from '../labelled-csv';
import { round } from '../metrics';

const ROOT = join(__dirname, '../../../..');
/** What the worker reads as a ticket's minimum confidence (CATEGORY_MIN_CONFIDENCE's default). */
const MIN_CONFIDENCE = 0.35;
const MOODS = ['calm', 'angry'];

/**
 * Escalation precision: each ticket of TEST (columns text, label = calm | angry, language) goes through what
 * the workers decide from its text alone (fastText language, that language's sentiment rules, the shipped
 * taxonomy's category and priority, config/escalation.yml); per language, the share of angry tickets
 * escalated and of calm ones escalated. A first line is read as the subject, as the web form sends it.
 * Without replies, customer history or SLA clocks, the rules that read them do not fire here.
 */
export async function escalation(testPath: string) {
  const test = readLabelledCsv(testPath, ['language']);
  const unknown = test.find((row) => !MOODS.includes(row.label));
  if (unknown) throw new Error(`${testPath}: label '${unknown.label}' is not calm or angry`);
  const detector = await new LanguageDetector().load();
  const sentiment = new SentimentAnalyzer();
  const categorizer = new Categorizer(loadTaxonomy(join(ROOT, 'config/taxonomy.yml')), MIN_CONFIDENCE);
  const rules = loadEscalationRules(join(ROOT, 'config/escalation.yml'));
  const outcomes = test.map((row) => {
    const [subject, ...body] = row.text.split('\n');
    const language = detector.detect(row.text);
    const categorization = categorizer.categorize({ subject: body.length ? subject : '', description: body.length ? body.join('\n') : subject });
    const decision = decideEscalation({ text: row.text, categorization, sentiment: { ...sentiment.analyze(row.text, language.code), language }, failedStages: [] }, rules);
    return { language: row.language, mood: row.label, escalated: decision.escalate, detected: language.code };
  });
  const share = (mood: string, language?: string) => {
    const own = outcomes.filter((outcome) => outcome.mood === mood && (!language || outcome.language === language));
    return own.length ? round(own.filter((outcome) => outcome.escalated).length / own.length, 3) : null;
  };
  const languages = [...new Set(outcomes.map((outcome) => outcome.language))];
  return {
    task: 'escalation',
    n: test.length,
    angry_escalated: share('angry'),
    calm_escalated: share('calm'),
    language_misread: outcomes.filter((outcome) => outcome.detected !== outcome.language).length,
    by_language: Object.fromEntries(
      languages.map((language) => [
        language,
        {
          angry: outcomes.filter((outcome) => outcome.language === language && outcome.mood === 'angry').length,
          calm: outcomes.filter((outcome) => outcome.language === language && outcome.mood === 'calm').length,
          angry_escalated: share('angry', language),
          calm_escalated: share('calm', language),
        },
      ]),
    ),
  };
}
