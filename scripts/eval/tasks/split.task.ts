import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readLabelledCsv } from '../labelled-csv';

const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;

/**
 * A reproducible held-out split for datasets that ship without one (Banking77's train.csv): every k-th
 * row of each label goes to the test file, so the split keeps the label balance and needs no random seed.
 */
export function split(inputPath: string, outDir: string, testShare: number) {
  if (!(testShare > 0 && testShare < 1)) throw new Error('--test-share must be between 0 and 1');
  const every = Math.round(1 / testShare);
  const seen = new Map<string, number>();
  const train: string[] = [];
  const test: string[] = [];
  for (const row of readLabelledCsv(inputPath)) {
    const index = seen.get(row.label) ?? 0;
    seen.set(row.label, index + 1);
    (index % every === every - 1 ? test : train).push(`${quote(row.text)},${quote(row.label)}`);
  }
  mkdirSync(outDir, { recursive: true });
  const stem = basename(inputPath, '.csv');
  const paths = { train: join(outDir, `${stem}.train.csv`), test: join(outDir, `${stem}.test.csv`) };
  writeFileSync(paths.train, ['text,label', ...train].join('\n') + '\n');
  writeFileSync(paths.test, ['text,label', ...test].join('\n') + '\n');
  return { task: 'split', n: train.length + test.length, train: train.length, test: test.length, train_path: paths.train, test_path: paths.test };
}
