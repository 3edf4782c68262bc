import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(__dirname, '../../dist/scripts/eval/eval.main.js');
const dir = mkdtempSync(join(tmpdir(), 'smartdesk-eval-'));
const csv = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const run = (...args: string[]) => {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  const lines = result.stdout.trim().split('\n');
  return { status: result.status, stderr: result.stderr.trim(), json: result.status === 0 ? JSON.parse(lines.at(-1)!) : undefined };
};

/** The eval command on small fixtures written here (the shared datasets are not needed). */
describe('npm run eval', () => {
  const train = csv(
    'train.csv',
    'text,label,extra\n' +
      [
        ['where is my parcel', 'shipping'],
        ['my package has not arrived', 'shipping'],
        ['tracking has not moved for days', 'shipping'],
        ['"I was charged twice, please refund"', 'billing'],
        ['my card payment was declined', 'billing'],
        ['I need a VAT invoice for my payment', 'billing'],
      ]
        .map(([text, label]) => `${text},${label},x`)
        .join('\n'),
  );
  const test = csv('test.csv', 'text,label\n"the parcel, it never arrived",shipping\nrefund the duplicate charge on my card,billing\nbanana bread recipe with walnuts,oos\n');

  it('categorize prints one JSON object with accuracy, macro-F1 and out-of-scope recall', () => {
    const { status, json } = run('categorize', '--train', train, '--test', test);
    expect(status).toBe(0);
    expect(json).toMatchObject({ task: 'categorize', n: 3, labels: 3, accuracy: 1, oos_recall: 1, in_scope_accuracy: 1 });
    expect(json.macro_f1).toBeCloseTo(1);
  });

  it('--shots keeps the first N rows of each label', () => {
    const { json } = run('categorize', '--train', train, '--test', test, '--shots', '1');
    expect(json).toMatchObject({ task: 'categorize', shots: 1 });
  });

  it('sentiment and language report their figures', () => {
    const sentiment = run('sentiment', '--test', csv('sentiment.csv', 'text,label\nThis is terrible and I am furious!!!,negative\n"Thank you so much, great help",positive\nMy order number is 55,neutral\n'));
    expect(sentiment.json).toMatchObject({ task: 'sentiment', n: 3, accuracy: 1, recall_negative: 1, mode: 'zero-shot' });
    const language = run('language', '--test', csv('language.csv', 'text,label\nWhere is my parcel? It has not arrived yet.,en\n¿Dónde está mi paquete? Todavía no ha llegado.,es\n'));
    expect(language.json).toMatchObject({ task: 'language', n: 2, accuracy: 1 });
  });

  it.each([
    ['a missing label column', 'text\nhello\n', /missing column 'label'/],
    ['an empty file', '', /no rows/],
    ['a broken quote', 'text,label\n"unterminated,x\n', /test\.csv|bad\.csv/],
  ])('exits non-zero with a one-line reason for %s', (_case, content, reason) => {
    const { status, stderr } = run('language', '--test', csv('bad.csv', content));
    expect(status).not.toBe(0);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(reason);
  });
});
