import { classificationMetrics, LanguageDetector } from '@smartdesk/nlp';
import { readLabelledCsv } from '../labelled-csv';
import { round } from '../metrics';

export async function language(testPath: string) {
  const test = readLabelledCsv(testPath);
  const detector = await new LanguageDetector().load();
  const started = performance.now();
  const predicted: string[] = [];
  for (const row of test) predicted.push(detector.detect(row.text).code);
  const msPerItem = (performance.now() - started) / test.length;
  const metrics = classificationMetrics(
    test.map((row) => row.label),
    predicted,
  );
  return { task: 'language', n: test.length, accuracy: round(metrics.accuracy), ms_per_item: round(msPerItem, 3) };
}
