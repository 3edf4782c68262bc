import { GIVEN_CHROMA_URL } from './given-environment';
import { parseArgs } from 'node:util';
import { categorize } from './tasks/categorize.task';
import { escalation } from './tasks/escalation.task';
import { language } from './tasks/language.task';
import { sentiment } from './tasks/sentiment.task';
import { split } from './tasks/split.task';
import { triageSpeed } from './tasks/triage-speed.task';

/**
 * `npm run eval -- <task> ...` (shared/EVAL.md): measures the models the workers run on a labelled CSV.
 * Each task lives in tasks/; progress goes to stderr; the last stdout line is one JSON object.
 */
const USAGE = `usage: npm run eval -- categorize --train TRAIN.csv --test TEST.csv [--shots N] [--learned]
       npm run eval -- sentiment --test TEST.csv [--train TRAIN.csv]
       npm run eval -- language --test TEST.csv
       npm run eval -- escalation --test TEST.csv        (columns text, label = calm | angry, language)
       npm run eval -- triage-speed --test TEST.csv [--train TRAIN.csv] [--repeats 5]
       npm run eval -- retrieve --corpus CORPUS.csv --queries QUERIES.csv [--k 10]
       npm run eval -- split --input DATA.csv --out-dir DIR [--test-share 0.2]`;

async function main(): Promise<Record<string, unknown>> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      train: { type: 'string' },
      test: { type: 'string' },
      shots: { type: 'string' },
      input: { type: 'string' },
      'out-dir': { type: 'string' },
      'test-share': { type: 'string', default: '0.2' },
      corpus: { type: 'string' },
      queries: { type: 'string' },
      k: { type: 'string' },
      learned: { type: 'boolean', default: false },
      repeats: { type: 'string', default: '5' },
    },
  });
  const [task] = positionals;
  const shots = values.shots === undefined ? undefined : Number(values.shots);
  if (shots !== undefined && !(Number.isInteger(shots) && shots > 0)) throw new Error('--shots takes a positive whole number');
  if (task === 'retrieve') {
    const k = values.k === undefined ? 10 : Number(values.k);
    if (!(Number.isInteger(k) && k > 0 && k <= 100)) throw new Error('--k takes a whole number from 1 to 100');
    if (!values.corpus || !values.queries) throw new Error('retrieve needs --corpus CORPUS.csv and --queries QUERIES.csv');
    const { retrieve } = await import('./tasks/retrieve.task');
    return retrieve(values.corpus, values.queries, k, GIVEN_CHROMA_URL);
  }
  if (task === 'split') {
    if (!values.input || !values['out-dir']) throw new Error('split needs --input DATA.csv and --out-dir DIR');
    return split(values.input, values['out-dir'], Number(values['test-share']));
  }
  if (!values.test) throw new Error(USAGE);
  switch (task) {
    case 'categorize':
      if (!values.train) throw new Error('categorize needs --train TRAIN.csv');
      return categorize(values.train, values.test, shots, values.learned);
    case 'sentiment':
      return sentiment(values.test, values.train);
    case 'language':
      return language(values.test);
    case 'escalation':
      return escalation(values.test);
    case 'triage-speed': {
      const repeats = Number(values.repeats);
      if (!(Number.isInteger(repeats) && repeats > 0 && repeats <= 50)) throw new Error('--repeats takes a whole number from 1 to 50');
      return triageSpeed(values.test, values.train, repeats);
    }
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
