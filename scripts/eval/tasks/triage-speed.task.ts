import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Categorizer, LanguageDetector, learnCategories, loadTaxonomy, SentimentAnalyzer } from '@smartdesk/nlp';
import { readLabelledCsv } from '../labelled-csv';
import { round } from '../metrics';
import { loadSentenceEncoder } from './categorize.task';

/** What the worker reads as a ticket's minimum confidence (CATEGORY_MIN_CONFIDENCE's default); it changes no timing. */
const MIN_CONFIDENCE = 0.35;

interface StageTimes {
  wallMs: number;
  cpuMs: number;
}

/** One pass of `work` over every text: wall time, and the CPU time this process got (what another process's load cannot inflate). */
function timed(texts: string[], work: (text: string, i: number) => unknown): StageTimes {
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < texts.length; i++) work(texts[i], i);
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * The speed of triage's models on one ticket: language (fastText), sentiment (its language's rules) and category
 * (the shipped taxonomy's few-shot model, or the linear model with sentence vectors learned from TRAIN), each over
 * every text of TEST, `repeats` times after one warm-up pass. Run it under `taskset -c 1` for one core.
 */
export async function triageSpeed(testPath: string, trainPath: string | undefined, repeats: number) {
  const texts = readLabelledCsv(testPath).map((row) => row.text);
  const detector = await new LanguageDetector().load();
  const sentiment = new SentimentAnalyzer();
  const taxonomy = loadTaxonomy(join(__dirname, '../../../../config/taxonomy.yml'));
  const learned = trainPath ? learnCategories(readLabelledCsv(trainPath), undefined, await loadSentenceEncoder(), { linearOnly: true }) : undefined;
  const categorizer = new Categorizer(taxonomy, MIN_CONFIDENCE, learned && { version: 1, classifier: learned.classifier });
  const loadBefore = loadavg()[0];
  const languages: string[] = [];
  const run = () => ({
    language: timed(texts, (text, i) => (languages[i] = detector.detect(text).code)),
    sentiment: timed(texts, (text, i) => sentiment.analyze(text, languages[i])),
    category: timed(texts, (text) => categorizer.categorize({ subject: '', description: text })),
  });
  run();
  const passes = Array.from({ length: repeats }, run);
  const perTicket = (pick: (pass: ReturnType<typeof run>) => number) => round(median(passes.map(pick)) / texts.length, 3);
  const totalWall = (pass: ReturnType<typeof run>) => pass.language.wallMs + pass.sentiment.wallMs + pass.category.wallMs;
  const totalCpu = (pass: ReturnType<typeof run>) => pass.language.cpuMs + pass.sentiment.cpuMs + pass.category.cpuMs;
  return {
    task: 'triage-speed',
    n: texts.length,
    repeats,
    categorizer: learned?.algorithm ?? 'taxonomy few-shot',
    // Medians over the repeats, per ticket.
    ms_per_ticket: perTicket(totalWall),
    cpu_ms_per_ticket: perTicket(totalCpu),
    best_ms_per_ticket: round(Math.min(...passes.map(totalWall)) / texts.length, 3),
    ms_language: perTicket((pass) => pass.language.wallMs),
    ms_sentiment: perTicket((pass) => pass.sentiment.wallMs),
    ms_category: perTicket((pass) => pass.category.wallMs),
    load_average: [round(loadBefore, 2), round(loadavg()[0], 2)],
  };
}
