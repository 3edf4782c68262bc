import { classificationMetrics, learnCategories } from '@smartdesk/nlp';
import { LabelledRow, readLabelledCsv } from '../labelled-csv';
import { round } from '../metrics';

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

/** The worker's sentence encoder. Loaded here, not at the top: the config module it pulls in fills process.env (see retrieve). */
export async function loadSentenceEncoder() {
  const { loadEnvironment } = await import('@smartdesk/config');
  const { loadWordVectors, SifSentenceEncoder } = await import('@smartdesk/vector-store');
  return new SifSentenceEncoder(await loadWordVectors(loadEnvironment().EMBEDDING_CACHE_DIR));
}

/** `learned`: always the linear model a team's history trains, even on a few examples per category. */
export async function categorize(trainPath: string, testPath: string, shots?: number, learned = false) {
  const train = firstShots(readLabelledCsv(trainPath), shots);
  const test = readLabelledCsv(testPath);
  const encoder = await loadSentenceEncoder();
  const outOfScope = OUT_OF_SCOPE.find((label) => [...train, ...test].some((row) => row.label === label)) ?? 'other';
  const started = performance.now();
  // As in the product: "nothing fits" rows are training data too (an agent confirming 'other').
  const { classifier, algorithm, metrics: training } = learnCategories(train, outOfScope, encoder, { linearOnly: learned });
  console.error(`trained ${algorithm}: ${JSON.stringify(training)}`);
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
    algorithm,
    train_ms: Math.round(trainMs),
    ms_per_item: round(msPerItem, 3),
    // How often the model said "nothing fits": on a test set of another language, the cost of reading it in part.
    predicted_out_of_scope: predicted.filter((label) => label === outOfScope).length,
  };
  if (inScope.length < test.length) {
    result.in_scope_accuracy = round(inScope.filter(([label, prediction]) => label === prediction).length / inScope.length);
    result.oos_recall = round(metrics.recall[outOfScope] ?? 0);
  }
  if (shots) result.shots = shots;
  return result;
}
