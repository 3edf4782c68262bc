import { LanguageDetector, SentimentAnalyzer } from '@smartdesk/nlp';
import { readLabelledCsv } from '../labelled-csv';
import { classificationMetrics, round } from '../metrics';

export async function sentiment(testPath: string) {
  const test = readLabelledCsv(testPath);
  const analyzer = new SentimentAnalyzer();
  const detector = await new LanguageDetector().load();
  const started = performance.now();
  // As the sentiment worker does: the language picks the lexicon.
  const predicted: string[] = [];
  for (const row of test) predicted.push(analyzer.analyze(row.text, detector.detect(row.text).code).label);
  const msPerItem = (performance.now() - started) / test.length;
  const metrics = classificationMetrics(
    test.map((row) => row.label),
    predicted,
  );
  return {
    task: 'sentiment',
    n: test.length,
    accuracy: round(metrics.accuracy),
    macro_f1: round(metrics.macroF1),
    recall_negative: round(metrics.recall.negative ?? 0),
    mode: 'zero-shot',
    ms_per_item: round(msPerItem, 3),
  };
}
