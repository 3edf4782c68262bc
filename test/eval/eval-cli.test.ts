import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChromaClient } from 'chromadb';

const CLI = join(__dirname, '../../dist/scripts/eval/eval.main.js');
const dir = mkdtempSync(join(tmpdir(), 'smartdesk-eval-'));
const csv = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const run = (...args: string[]) => runWith(process.env, ...args);
const runWith = (env: NodeJS.ProcessEnv, ...args: string[]) => {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env });
  const lines = result.stdout.trim().split('\n');
  return { status: result.status, stderr: result.stderr.trim(), json: result.status === 0 ? JSON.parse(lines.at(-1)!) : undefined, stdout: result.stdout };
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

  it('categorize --learned trains the linear model even with fewer than five examples per category', () => {
    expect(run('categorize', '--train', train, '--test', test).json.algorithm).toBe('tfidf-few-shot-v1');
    const { status, json } = run('categorize', '--train', train, '--test', test, '--learned');
    expect(status).toBe(0);
    expect(json).toMatchObject({ task: 'categorize', n: 3, algorithm: expect.stringMatching(/^tfidf-(sentence-)?logreg-v1$/) });
    expect(json.predicted_out_of_scope).toBeGreaterThanOrEqual(0);
    expect(json.predicted_out_of_scope).toBeLessThanOrEqual(3);
  });

  it('triage-speed times language, sentiment and category per ticket over the repeats, with the load it ran under', () => {
    const { status, json } = run('triage-speed', '--test', test, '--repeats', '2');
    expect(status).toBe(0);
    expect(json).toMatchObject({ task: 'triage-speed', n: 3, repeats: 2, categorizer: 'taxonomy few-shot' });
    for (const field of ['ms_per_ticket', 'cpu_ms_per_ticket', 'best_ms_per_ticket', 'ms_language', 'ms_sentiment', 'ms_category']) {
      expect(Number.isFinite(json[field]) && json[field] >= 0).toBe(true);
    }
    expect(json.best_ms_per_ticket).toBeLessThanOrEqual(json.ms_per_ticket);
    expect(json.load_average).toHaveLength(2);
    expect(run('triage-speed', '--test', test, '--repeats', '0')).toMatchObject({ status: 1, stderr: 'eval: --repeats takes a whole number from 1 to 50' });
  });

  it('--shots keeps the first N rows of each label', () => {
    const { json } = run('categorize', '--train', train, '--test', test, '--shots', '1');
    expect(json).toMatchObject({ task: 'categorize', shots: 1 });
  });

  it('sentiment and language report their figures', () => {
    const sentiment = run(
      'sentiment',
      '--test',
      csv('sentiment.csv', 'text,label\nThis is terrible and I am furious!!!,negative\n"Thank you so much, great help",positive\nMy order number is 55,neutral\n'),
    );
    expect(sentiment.json).toMatchObject({ task: 'sentiment', n: 3, accuracy: 1, recall_negative: 1, mode: 'zero-shot' });
    const language = run('language', '--test', csv('language.csv', 'text,label\nWhere is my parcel? It has not arrived yet.,en\n¿Dónde está mi paquete? Todavía no ha llegado.,es\n'));
    expect(language.json).toMatchObject({ task: 'language', n: 2, accuracy: 1 });
  });

  it('escalation reports, per language, the share of angry and of calm tickets escalated', () => {
    const tickets = csv(
      'moods.csv',
      'text,label,language\n' +
        [
          ['"Parcel not arrived\nMy parcel has not arrived yet, can you check?"', 'calm', 'en'],
          ['"THIRD TIME\nThis is the third time I write. Refund me today or I call my lawyer."', 'angry', 'en'],
          ['"Paket nicht angekommen\nIch warte seit zehn Tagen auf mein Paket, es ist immer noch nicht angekommen. Können Sie das prüfen?"', 'calm', 'de'],
          ['"Zum dritten Mal\nIch schreibe zum dritten Mal. Erstatten Sie mir das Geld heute, oder ich schalte meinen Anwalt ein."', 'angry', 'de'],
        ]
          .map((row) => row.join(','))
          .join('\n'),
    );
    const { status, json } = run('escalation', '--test', tickets);
    expect(status).toBe(0);
    expect(json).toMatchObject({ task: 'escalation', n: 4, angry_escalated: 1, calm_escalated: 0, language_misread: 0 });
    expect(json.by_language).toEqual({
      en: { angry: 1, calm: 1, angry_escalated: 1, calm_escalated: 0 },
      de: { angry: 1, calm: 1, angry_escalated: 1, calm_escalated: 0 },
    });
    expect(run('escalation', '--test', csv('moods-bad.csv', 'text,label,language\nhello,happy,en\n')).stderr).toMatch(/label 'happy' is not calm or angry/);
    expect(run('escalation', '--test', csv('moods-nolang.csv', 'text,label\nhello,calm\n')).stderr).toMatch(/missing column 'language'/);
  });

  it('sentiment --train learns the labels on top of the rules and says so', () => {
    const rows = [
      ['the flight was delayed three hours', 'negative'],
      ['my bag is lost again', 'negative'],
      ['worst service, still waiting on hold', 'negative'],
      ['you cancelled my flight without notice', 'negative'],
      ['thanks, the crew was lovely', 'positive'],
      ['great flight, smooth landing', 'positive'],
      ['love the new seats, thank you', 'positive'],
      ['what time does boarding start', 'neutral'],
      ['is there wifi on this route', 'neutral'],
      ['which terminal do you fly from', 'neutral'],
    ];
    const train = csv('sentiment-train.csv', 'text,label\n' + [...rows, ...rows, ...rows].map(([text, label]) => `"${text}",${label}`).join('\n'));
    const result = run('sentiment', '--train', train, '--test', csv('sentiment-test.csv', 'text,label\nmy bag is lost and the flight delayed,negative\nthanks for the lovely crew,positive\n'));
    expect(result.status).toBe(0);
    expect(result.json).toMatchObject({ task: 'sentiment', n: 2, mode: 'trained', accuracy: 1, train_ms: expect.any(Number) });
  });

  it('split writes a reproducible, label-balanced held-out part', () => {
    const input = csv('data.csv', 'text,label\n' + Array.from({ length: 10 }, (_, i) => `"text ${i}, with a comma",${i % 2 ? 'odd' : 'even'}`).join('\n'));
    const outDir = join(dir, 'split');
    const first = run('split', '--input', input, '--out-dir', outDir, '--test-share', '0.2');
    expect(first.json).toMatchObject({ task: 'split', n: 10, train: 8, test: 2 });
    expect(readFileSync(first.json.test_path, 'utf8')).toBe('text,label\n"text 8, with a comma","even"\n"text 9, with a comma","odd"\n');
    expect(run('split', '--input', input, '--out-dir', outDir).json).toEqual(first.json);
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

/** `retrieve` indexes a corpus into a temporary collection of the real Chroma server, through the real provider. */
describe('npm run eval -- retrieve', () => {
  const corpus = csv(
    'corpus.csv',
    'text,label\n' +
      [
        ['My card still has not arrived', 'card_arrival'],
        ['How long does delivery of a new card take?', 'card_arrival'],
        ['I was charged twice for the same purchase', 'duplicate_charge'],
        ['"There are two identical payments, one should be refunded"', 'duplicate_charge'],
        ['I forgot my password and cannot log in', 'password'],
        ['How do I reset the password of my account?', 'password'],
        ['What is the exchange rate for euros?', 'exchange_rate'],
        ['Which rate do you use to convert dollars?', 'exchange_rate'],
      ]
        .map(([text, label]) => `${text},${label}`)
        .join('\n'),
  );
  const queries = csv(
    'queries.csv',
    'text,label\nwaiting for my card to be delivered,card_arrival\nthe same payment was taken twice,duplicate_charge\nlocked out: need a new password,password\nconversion rate euros to dollars,exchange_rate\n',
  );
  const collectionOf = (stderr: string) => /into (\S+)/.exec(stderr)?.[1];
  const collectionExists = async (name: string) => {
    const url = new URL(process.env.CHROMA_URL!);
    const collections = await new ChromaClient({ host: url.hostname, port: Number(url.port) }).listCollections();
    return collections.some((collection) => collection.name === name);
  };

  it('reports P@1, MRR@10 and timings, and removes its collection', async () => {
    const { status, json, stderr } = run('retrieve', '--corpus', corpus, '--queries', queries, '--k', '3');
    expect(status).toBe(0);
    expect(json).toMatchObject({ task: 'retrieve', n: 4, k: 3, corpus: 8, provider: 'glove-sif-v2', p_at_1: 1, mrr_at_10: 1, hit_at_3: 1 });
    for (const key of ['index_ms', 'index_chunks_per_s', 'query_ms_p50', 'query_ms_p95']) expect(json[key]).toBeGreaterThanOrEqual(0);
    const collection = collectionOf(stderr);
    expect(collection).toMatch(/^eval-[0-9a-f]{8}-retrieve-glove-sif-v2-868$/);
    expect(await collectionExists(collection!)).toBe(false);
  });

  it('starts and stops its own Chroma server when CHROMA_URL is unset', () => {
    const env = { ...process.env };
    delete env.CHROMA_URL;
    const { status, json, stderr } = runWith(env, 'retrieve', '--corpus', corpus, '--queries', queries);
    expect(status).toBe(0);
    expect(stderr).toContain('starting a Chroma server');
    expect(json).toMatchObject({ task: 'retrieve', n: 4, k: 10, p_at_1: 1 });
  });

  it.each([
    ['no --queries', ['retrieve', '--corpus', corpus], /needs --corpus CORPUS\.csv and --queries QUERIES\.csv/],
    ['a bad --k', ['retrieve', '--corpus', corpus, '--queries', queries, '--k', '0'], /--k takes a whole number/],
    ['a corpus without labels', ['retrieve', '--corpus', csv('nolabel.csv', 'text\nhello\n'), '--queries', queries], /missing column 'label'/],
  ])('exits non-zero with a one-line reason for %s', (_case, args, reason) => {
    const { status, stderr } = run(...(args as string[]));
    expect(status).not.toBe(0);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(reason);
  });
});
