import { parseArgs } from 'node:util';
import { categorize } from './tasks/categorize.task';
import { language } from './tasks/language.task';
import { sentiment } from './tasks/sentiment.task';
import { split } from './tasks/split.task';

/**
 * `npm run eval -- <task> ...` (shared/EVAL.md): measures the models the workers run on a labelled CSV.
 * Each task lives in tasks/; progress goes to stderr; the last stdout line is one JSON object.
 */
const USAGE = `usage: npm run eval -- categorize --train TRAIN.csv --test TEST.csv [--shots N]
       npm run eval -- sentiment --test TEST.csv [--train TRAIN.csv]
       npm run eval -- language --test TEST.csv
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
    },
  });
  const [task] = positionals;
  const shots = values.shots === undefined ? undefined : Number(values.shots);
  if (shots !== undefined && !(Number.isInteger(shots) && shots > 0)) throw new Error('--shots takes a positive whole number');
  if (task === 'split') {
    if (!values.input || !values['out-dir']) throw new Error('split needs --input DATA.csv and --out-dir DIR');
    return split(values.input, values['out-dir'], Number(values['test-share']));
  }
  if (!values.test) throw new Error(USAGE);
  switch (task) {
    case 'categorize':
      if (!values.train) throw new Error('categorize needs --train TRAIN.csv');
      return categorize(values.train, values.test, shots);
    case 'sentiment':
      return sentiment(values.test, values.train);
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
