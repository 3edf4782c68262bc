import { readFileSync } from 'node:fs';
import { LabelledRow, parseLabelledCsv } from '@smartdesk/nlp';

export type { LabelledRow };

/** A labelled CSV file with any extra `columns` (see parseLabelledCsv); an unreadable file throws one line naming it. */
export function readLabelledCsv<Column extends string = never>(path: string, columns: readonly Column[] = []): (LabelledRow & Record<Column, string>)[] {
  let content: Buffer;
  try {
    content = readFileSync(path);
  } catch (error) {
    throw new Error(`${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseLabelledCsv(content, path, columns);
}
