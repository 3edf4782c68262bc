import { Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { ModelTask } from '@smartdesk/contracts';
import { ModelStore, TrainingDataCount, transactionAs } from '@smartdesk/database';
import { LabelledRow, parseLabelledCsv, TAXONOMY, Taxonomy } from '@smartdesk/nlp';
import { auditActor, Principal } from '../auth/principal';
import { taskLabels } from './task-labels';

const MAX_TEXT = 20_000;
/** Enough rows named to fix a file, not a wall of errors. */
const MAX_REPORTED = 20;

export interface ImportOutcome {
  importId: string;
  received: number;
  imported: number;
  duplicates: number;
  byLabel: Record<string, number>;
}

/** Labelled examples an admin imports to teach a model (categories, sentiment): all rows or none. */
@Injectable()
export class TrainingDataService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly models: ModelStore,
    @Inject(TAXONOMY) private readonly taxonomy: Taxonomy,
  ) {}

  async importCsv(task: ModelTask, csv: unknown, principal: Principal): Promise<ImportOutcome> {
    if (typeof csv !== 'string' || csv.length === 0) throw unprocessable('send the CSV as the request body with content-type text/csv');
    let rows: LabelledRow[];
    try {
      rows = parseLabelledCsv(csv, 'upload');
    } catch (error) {
      throw unprocessable((error as Error).message);
    }
    this.check(task, rows, taskLabels(task, this.taxonomy));
    const importId = randomUUID();
    const examples = rows.map((row) => ({ text: row.text.trim(), label: row.label }));
    const imported = await transactionAs(this.dataSource, auditActor(principal), (manager) => this.models.for(task).addExamples(manager, examples, importId, principal.email));
    const byLabel: Record<string, number> = {};
    for (const row of rows) byLabel[row.label] = (byLabel[row.label] ?? 0) + 1;
    return { importId, received: rows.length, imported, duplicates: rows.length - imported, byLabel };
  }

  /** Training rows per label and origin: what the next retraining will learn from. */
  summary(task: ModelTask): Promise<TrainingDataCount[]> {
    return this.models.for(task).counts();
  }

  private check(task: ModelTask, rows: LabelledRow[], allowed: readonly string[]): void {
    const problems: { row: number; problems: string[] }[] = [];
    rows.forEach((row, i) => {
      const found: string[] = [];
      if (!row.text.trim()) found.push('text is empty');
      if (row.text.length > MAX_TEXT) found.push(`text is longer than ${MAX_TEXT} characters`);
      if (row.text.includes('\u0000')) found.push('text contains a NUL character');
      if (!allowed.includes(row.label)) found.push(`label '${row.label}' is not a ${task} (allowed: ${allowed.join(', ')})`);
      // Row numbers as a spreadsheet shows them: the header is row 1.
      if (found.length) problems.push({ row: i + 2, problems: found });
    });
    if (problems.length) {
      throw new UnprocessableEntityException({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: `${problems.length} of ${rows.length} rows are invalid; nothing was imported`,
        rows: problems.slice(0, MAX_REPORTED),
      });
    }
  }
}

function unprocessable(message: string): UnprocessableEntityException {
  return new UnprocessableEntityException({ statusCode: 422, error: 'Unprocessable Entity', message });
}
