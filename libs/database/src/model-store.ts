import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ModelTask } from '@smartdesk/contracts';
import { TrainedModelEntity } from './entities';

export interface TrainingRow {
  text: string;
  label: string;
  origin: 'ticket' | 'import';
  /** The ticket's detected language; null for imported rows. */
  language: string | null;
}

export interface TrainingDataCount {
  label: string;
  tickets: number;
  imported: number;
}

export type NewTrainedModel = Omit<TrainedModelEntity, 'id' | 'task' | 'version' | 'active' | 'activatedAt' | 'createdAt'>;

/** Where agents confirm each task's label on a ticket: those tickets are training data. */
const TICKET_LABELS: Record<ModelTask, { label: string; confirmedAt: string }> = {
  category: { label: 'category', confirmedAt: 'category_confirmed_at' },
  sentiment: { label: 'sentiment_label', confirmedAt: 'sentiment_confirmed_at' },
};

/** A stable hash of training rows (and the recipe): a scheduled retrain with nothing new is skipped. */
export function trainingFingerprint(rows: { text: string; label: string }[], recipe: string): string {
  const hash = createHash('sha256').update(recipe);
  for (const row of rows) hash.update(`\u0000${row.label}\u0001${row.text}`);
  return hash.digest('hex');
}

/** The training data and trained versions of every learned model, in Postgres; `for(task)` picks one. */
@Injectable()
export class ModelStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  for(task: ModelTask): TaskModelStore {
    return new TaskModelStore(this.dataSource, task);
  }
}

/** One task's training data, trained versions and active version. */
export class TaskModelStore {
  constructor(
    private readonly dataSource: DataSource,
    readonly task: ModelTask,
  ) {}

  /**
   * What the team taught: every ticket whose label an agent confirmed or corrected (resolved or not: a
   * correction counts at once), plus imported examples. Ordered, so the fingerprint is stable.
   */
  trainingRows(): Promise<TrainingRow[]> {
    const { label, confirmedAt } = TICKET_LABELS[this.task];
    return this.dataSource.query(
      `SELECT subject || E'\\n' || description AS text, ${label} AS label, 'ticket' AS origin, language
         FROM tickets WHERE ${confirmedAt} IS NOT NULL AND ${label} IS NOT NULL
       UNION ALL
       SELECT text, label, 'import' AS origin, NULL FROM training_examples WHERE task = $1
       ORDER BY origin, label, text`,
      [this.task],
    );
  }

  /** Training rows per label and origin: what the next retraining will learn from. */
  async counts(): Promise<TrainingDataCount[]> {
    const { label, confirmedAt } = TICKET_LABELS[this.task];
    const rows: { label: string; tickets: string; imported: string }[] = await this.dataSource.query(
      `SELECT label, sum(tickets) AS tickets, sum(imported) AS imported FROM (
         SELECT ${label} AS label, count(*) AS tickets, 0 AS imported FROM tickets
          WHERE ${confirmedAt} IS NOT NULL AND ${label} IS NOT NULL GROUP BY ${label}
         UNION ALL
         SELECT label, 0, count(*) FROM training_examples WHERE task = $1 GROUP BY label
       ) counts GROUP BY label ORDER BY label`,
      [this.task],
    );
    return rows.map((row) => ({ label: row.label, tickets: Number(row.tickets), imported: Number(row.imported) }));
  }

  /** Adds labelled examples from one import; rows already stored count as duplicates. Returns how many were new. */
  async addExamples(manager: EntityManager, rows: { text: string; label: string }[], importId: string, importedBy: string): Promise<number> {
    const BATCH = 500;
    let count = 0;
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      const fixed = batch.length * 2;
      const values = batch.map((_, i) => `($${i * 2 + 1}, $${i * 2 + 2}, $${fixed + 1}, $${fixed + 2}, $${fixed + 3})`).join(', ');
      const inserted: unknown[] = await manager.query(`INSERT INTO training_examples (text, label, import_id, imported_by, task) VALUES ${values} ON CONFLICT DO NOTHING RETURNING id`, [
        ...batch.flatMap((row) => [row.text, row.label]),
        importId,
        importedBy,
        this.task,
      ]);
      count += inserted.length;
    }
    return count;
  }

  list(): Promise<TrainedModelEntity[]> {
    return this.repository.find({ where: { task: this.task }, order: { version: 'DESC' } });
  }

  /** The active version's number, or null while the untrained model is in use. */
  async activeVersion(): Promise<number | null> {
    const row = await this.repository.findOne({ select: { version: true }, where: { task: this.task, active: true } });
    return row?.version ?? null;
  }

  async activeFingerprint(): Promise<string | null> {
    const row = await this.repository.findOne({ select: { dataFingerprint: true }, where: { task: this.task, active: true } });
    return row?.dataFingerprint ?? null;
  }

  async weights(version: number): Promise<{ algorithm: string; weights: Buffer } | null> {
    const row = await this.repository.createQueryBuilder('model').addSelect('model.weights').where('model.task = :task AND model.version = :version', { task: this.task, version }).getOne();
    return row ? { algorithm: row.algorithm, weights: row.weights } : null;
  }

  /** Stores a trained version as the task's next number and makes it the active one, in one transaction. */
  async saveAndActivate(model: NewTrainedModel): Promise<TrainedModelEntity> {
    return this.dataSource.transaction(async (manager) => {
      await this.lock(manager);
      const [{ next }] = await manager.query(`SELECT coalesce(max(version), 0) + 1 AS next FROM trained_models WHERE task = $1`, [this.task]);
      const repository = manager.getRepository(TrainedModelEntity);
      const saved = await repository.save(repository.create({ ...model, task: this.task, version: Number(next) }));
      await this.activateIn(manager, saved.version);
      return { ...saved, active: true };
    });
  }

  /**
   * Makes an existing version the active one (a rollback); version 0 goes back to the untrained model.
   * False when there is no such version.
   */
  async activate(manager: EntityManager, version: number): Promise<boolean> {
    await this.lock(manager);
    const exists = version === 0 || (await manager.getRepository(TrainedModelEntity).existsBy({ task: this.task, version }));
    if (exists) await this.activateIn(manager, version);
    return exists;
  }

  private get repository() {
    return this.dataSource.getRepository(TrainedModelEntity);
  }

  /** Serialises a task's activations and numbering, so two at once cannot collide on the one-active or version index. */
  private async lock(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('trained_models.' || $1::text))`, [this.task]);
  }

  private async activateIn(manager: EntityManager, version: number): Promise<void> {
    await manager.query(`UPDATE trained_models SET active = false WHERE task = $1 AND active AND version <> $2`, [this.task, version]);
    await manager.query(`UPDATE trained_models SET active = true, activated_at = now() WHERE task = $1 AND version = $2`, [this.task, version]);
  }
}
