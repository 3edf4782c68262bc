import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

export interface LabelledRow {
  text: string;
  label: string;
}

/** Reads an RFC 4180 CSV with `text` and `label` columns; a problem throws one line naming the file. */
export function readLabelledCsv(path: string): LabelledRow[] {
  let records: Record<string, string>[];
  try {
    records = parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message.split('\n')[0]}`);
  }
  if (records.length === 0) throw new Error(`${path}: no rows`);
  for (const column of ['text', 'label']) {
    if (!(column in records[0])) throw new Error(`${path}: missing column '${column}'`);
  }
  return records.map((record) => ({ text: record.text ?? '', label: (record.label ?? '').trim() }));
}
