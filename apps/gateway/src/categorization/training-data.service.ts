import { Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { transactionAs } from '@smartdesk/database';
import { LabelledRow, parseLabelledCsv, TAXONOMY, Taxonomy } from '@smartdesk/nlp';
import { auditActor, Principal } from '../auth/principal';
import { allowedCategories } from './category-confirmation';

const MAX_TEXT = 20_000;
const BATCH = 500;
/** Enough rows named to fix a file, not a wall of errors. */
const MAX_REPORTED = 20;

export interface ImportOutcome {
  importId: string;
  received: number;
  imported: number;
  duplicates: number;
  byLabel: Record<string, number>;
}

/** Labelled examples an admin imports to teach the categorizer: all rows or none. */
@Injectable()
export class TrainingDataService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TAXONOMY) private readonly taxonomy: Taxonomy,
  ) {}

  async importCsv(csv: unknown, principal: Principal): Promise<ImportOutcome> {
    if (typeof csv !== 'string' || csv.length === 0) throw unprocessable('send the CSV as the request body with content-type text/csv');
    let rows: LabelledRow[];
    try {
      rows = parseLabelledCsv(csv, 'upload');
    } catch (error) {
      throw unprocessable((error as Error).message);
    }
    this.check(rows);
    const importId = randomUUID();
    const imported = await transactionAs(this.dataSource, auditActor(principal), async (manager) => {
      let count = 0;
      for (let start = 0; start < rows.length; start += BATCH) {
        const batch = rows.slice(start, start + BATCH);
        const values = batch.map((_, i) => `($${i * 2 + 1}, $${i * 2 + 2}, $${batch.length * 2 + 1}, $${batch.length * 2 + 2})`).join(', ');
        const inserted: unknown[] = await manager.query(
          `INSERT INTO category_training_examples (text, label, import_id, imported_by) VALUES ${values}
           ON CONFLICT DO NOTHING RETURNING id`,
          [...batch.flatMap((row) => [row.text.trim(), row.label]), importId, principal.email],
        );
        count += inserted.length;
      }
      return count;
    });
    const byLabel: Record<string, number> = {};
    for (const row of rows) byLabel[row.label] = (byLabel[row.label] ?? 0) + 1;
    return { importId, received: rows.length, imported, duplicates: rows.length - imported, byLabel };
  }

  /** Training rows per label and origin: what the next retraining will learn from. */
  async summary(): Promise<{ label: string; tickets: number; imported: number }[]> {
    const rows: { label: string; tickets: string; imported: string }[] = await this.dataSource.query(
      `SELECT label, sum(tickets) AS tickets, sum(imported) AS imported FROM (
         SELECT category AS label, count(*) AS tickets, 0 AS imported FROM tickets
          WHERE category_confirmed_at IS NOT NULL AND category IS NOT NULL GROUP BY category
         UNION ALL
         SELECT label, 0, count(*) FROM category_training_examples GROUP BY label
       ) counts GROUP BY label ORDER BY label`,
    );
    return rows.map((row) => ({ label: row.label, tickets: Number(row.tickets), imported: Number(row.imported) }));
  }

  private check(rows: LabelledRow[]): void {
    const allowed = allowedCategories(this.taxonomy);
    const problems: { row: number; problems: string[] }[] = [];
    rows.forEach((row, i) => {
      const found: string[] = [];
      if (!row.text.trim()) found.push('text is empty');
      if (row.text.length > MAX_TEXT) found.push(`text is longer than ${MAX_TEXT} characters`);
      if (row.text.includes('\u0000')) found.push('text contains a NUL character');
      if (!allowed.includes(row.label)) found.push(`label '${row.label}' is not a category (allowed: ${allowed.join(', ')})`);
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
