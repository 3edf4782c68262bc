import { parseArgs } from 'node:util';
import { FewShotClassifier, LanguageDetector, SentimentAnalyzer } from '@smartdesk/nlp';
import { LabelledRow, readLabelledCsv } from './labelled-csv';
import { classificationMetrics, round } from './metrics';

/**
 * `npm run eval -- <task> ...` (shared/EVAL.md): measures the models the workers run on a labelled CSV.
 * Progress goes to stderr; the last stdout line is one JSON object.
 */
const USAGE = `usage: npm run eval -- categorize --train TRAIN.csv --test TEST.csv [--shots N]
       npm run eval -- sentiment --test TEST.csv
       npm run eval -- language --test TEST.csv`;

const OUT_OF_SCOPE = ['oos', 'other'];

function firstShots(rows: LabelledRow[], shots?: number): LabelledRow[] {
  if (!shots) return rows;
  const kept = new Map<string, number>();
  return rows.filter((row) => {
    const count = kept.get(row.label) ?? 0;
    kept.set(row.label, count + 1);
    return count < shots;
  });
}

function categorize(trainPath: string, testPath: string, shots?: number) {
  const train = firstShots(readLabelledCsv(trainPath), shots);
  const test = readLabelledCsv(testPath);
  // Out-of-scope rows teach nothing about a category: the model says "nothing fits" on its own.
  const outOfScope = OUT_OF_SCOPE.find((label) => test.some((row) => row.label === label)) ?? 'other';
  const started = performance.now();
  const classifier = FewShotClassifier.train(train.filter((row) => !OUT_OF_SCOPE.includes(row.label)), { outOfScopeLabel: outOfScope });
  const trainMs = performance.now() - started;
  const predictStarted = performance.now();
  const predicted = test.map((row) => classifier.predict(row.text).label);
  const msPerItem = (performance.now() - predictStarted) / test.length;
  const gold = test.map((row) => row.label);
  const metrics = classificationMetrics(gold, predicted);
  const inScope = gold.map((label, i) => [label, predicted[i]]).filter(([label]) => label !== outOfScope);
  const result: Record<string, unknown> = {
    task: 'categorize',
    n: test.length,
    labels: metrics.labels,
    accuracy: round(metrics.accuracy),
    macro_f1: round(metrics.macroF1),
    train_ms: Math.round(trainMs),
    ms_per_item: round(msPerItem, 3),
  };
  if (inScope.length < test.length) {
    result.in_scope_accuracy = round(inScope.filter(([label, prediction]) => label === prediction).length / inScope.length);
    result.oos_recall = round(metrics.recall[outOfScope] ?? 0);
  }
  if (shots) result.shots = shots;
  return result;
}

async function sentiment(testPath: string) {
  const test = readLabelledCsv(testPath);
  const analyzer = new SentimentAnalyzer();
  const detector = await new LanguageDetector().load();
  const started = performance.now();
  // As the sentiment worker does: the language picks the lexicon.
  const predicted: string[] = [];
  for (const row of test) predicted.push(analyzer.analyze(row.text, (await detector.detect(row.text)).code).label);
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

async function language(testPath: string) {
  const test = readLabelledCsv(testPath);
  const detector = await new LanguageDetector().load();
  const started = performance.now();
  const predicted: string[] = [];
  for (const row of test) predicted.push((await detector.detect(row.text)).code);
  const msPerItem = (performance.now() - started) / test.length;
  const metrics = classificationMetrics(
    test.map((row) => row.label),
    predicted,
  );
  return { task: 'language', n: test.length, accuracy: round(metrics.accuracy), ms_per_item: round(msPerItem, 3) };
}

async function main(): Promise<Record<string, unknown>> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { train: { type: 'string' }, test: { type: 'string' }, shots: { type: 'string' } },
  });
  const [task] = positionals;
  const shots = values.shots === undefined ? undefined : Number(values.shots);
  if (shots !== undefined && !(Number.isInteger(shots) && shots > 0)) throw new Error('--shots takes a positive whole number');
  if (!values.test) throw new Error(USAGE);
  switch (task) {
    case 'categorize':
      if (!values.train) throw new Error('categorize needs --train TRAIN.csv');
      return categorize(values.train, values.test, shots);
    case 'sentiment':
      if (values.train) throw new Error('sentiment --train: learning sentiment from labelled history is not built yet; run zero-shot without --train');
      return sentiment(values.test);
    case 'language':
      return language(values.test);
    default:
      throw new Error(USAGE);
  }
}

main()
  .then((result) => console.log(JSON.stringify(result)))
  .catch((error) => {
    console.error((error as Error).message.split('\n')[0] === USAGE.split('\n')[0] ? USAGE : `eval: ${(error as Error).message}`);
    process.exit(1);
  });
