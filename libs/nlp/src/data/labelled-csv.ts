import { parse } from 'csv-parse/sync';

export interface LabelledRow {
  text: string;
  label: string;
}

/**
 * Labelled texts from an RFC 4180 CSV with a header holding `text` and `label`, plus the named extra
 * `columns` (others ignored): the format of `npm run eval` and of training-data imports. A problem throws
 * one line naming `source`.
 */
export function parseLabelledCsv<Column extends string = never>(content: string | Buffer, source: string, columns: readonly Column[] = []): (LabelledRow & Record<Column, string>)[] {
  let records: Record<string, string>[];
  try {
    records = parse(content, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    throw new Error(`${source}: ${(error as Error).message.split('\n')[0]}`);
  }
  if (records.length === 0) throw new Error(`${source}: no rows`);
  for (const column of ['text', 'label', ...columns]) {
    if (!(column in records[0])) throw new Error(`${source}: missing column '${column}'`);
  }
  return records.map((record) => ({
    text: record.text ?? '',
    label: (record.label ?? '').trim(),
    ...(Object.fromEntries(columns.map((column) => [column, (record[column] ?? '').trim()])) as Record<Column, string>),
  }));
}
