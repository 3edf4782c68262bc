import { classificationMetrics, LanguageDetector, SentimentAnalyzer, TrainedSentimentModel } from '@smartdesk/nlp';
import { readLabelledCsv } from '../labelled-csv';
import { round } from '../metrics';

/** Zero-shot rules, or (with a training file) the model learned on top of them; the language picks the rules, as in the worker. */
export async function sentiment(testPath: string, trainPath?: string) {
  const test = readLabelledCsv(testPath);
  const detector = await new LanguageDetector().load();
  const rules = new SentimentAnalyzer();
  let trainMs: number | undefined;
  let analyze = (text: string, language: string) => rules.analyze(text, language).label as string;
  if (trainPath) {
    const train = readLabelledCsv(trainPath).map((row) => ({ ...row, language: detector.detect(row.text).code }));
    const started = performance.now();
    const model = TrainedSentimentModel.train(train, rules);
    trainMs = performance.now() - started;
    analyze = (text, language) => model.analyze(text, language).label;
  }
  const started = performance.now();
  const predicted: string[] = [];
  for (const row of test) predicted.push(analyze(row.text, detector.detect(row.text).code));
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
    mode: trainPath ? 'trained' : 'zero-shot',
    ...(trainMs === undefined ? {} : { train_ms: Math.round(trainMs) }),
    ms_per_item: round(msPerItem, 3),
  };
}
