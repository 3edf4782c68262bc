import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CategoryModelEntity } from './entities';

export interface CategoryTrainingRow {
  text: string;
  label: string;
  origin: 'ticket' | 'import';
}

export type NewCategoryModel = Omit<CategoryModelEntity, 'version' | 'id' | 'active' | 'activatedAt' | 'createdAt'>;

/** Training data, trained versions and the active version of the categorizer, all in Postgres. */
@Injectable()
export class CategoryModelStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * What the team taught: every ticket whose category an agent confirmed or corrected (resolved or not:
   * a correction counts at once), plus imported examples. Ordered, so the fingerprint is stable.
   */
  async trainingRows(): Promise<CategoryTrainingRow[]> {
    const rows: { text: string; label: string; origin: CategoryTrainingRow['origin'] }[] = await this.dataSource.query(
      `SELECT subject || E'\\n' || description AS text, category AS label, 'ticket' AS origin
         FROM tickets WHERE category_confirmed_at IS NOT NULL AND category IS NOT NULL
       UNION ALL
       SELECT text, label, 'import' AS origin FROM category_training_examples
       ORDER BY origin, label, text`,
    );
    return rows;
  }

  static fingerprint(rows: { text: string; label: string }[], extra: string): string {
    const hash = createHash('sha256').update(extra);
    for (const row of rows) hash.update(`\u0000${row.label}\u0001${row.text}`);
    return hash.digest('hex');
  }

  list(): Promise<CategoryModelEntity[]> {
    return this.dataSource.getRepository(CategoryModelEntity).find({ order: { version: 'DESC' } });
  }

  find(version: number): Promise<CategoryModelEntity | null> {
    return this.dataSource.getRepository(CategoryModelEntity).findOneBy({ version });
  }

  /** The active version's number, or null while the taxonomy's few-shot model is in use. */
  async activeVersion(): Promise<number | null> {
    const row = await this.dataSource.getRepository(CategoryModelEntity).findOne({ select: { version: true }, where: { active: true } });
    return row?.version ?? null;
  }

  async activeFingerprint(): Promise<string | null> {
    const row = await this.dataSource.getRepository(CategoryModelEntity).findOne({ select: { dataFingerprint: true }, where: { active: true } });
    return row?.dataFingerprint ?? null;
  }

  async weights(version: number): Promise<{ algorithm: string; weights: Buffer } | null> {
    const row = await this.dataSource
      .getRepository(CategoryModelEntity)
      .createQueryBuilder('model')
      .addSelect('model.weights')
      .where('model.version = :version', { version })
      .getOne();
    return row ? { algorithm: row.algorithm, weights: row.weights } : null;
  }

  /** Stores a trained version and makes it the active one, in one transaction. */
  async saveAndActivate(model: NewCategoryModel): Promise<CategoryModelEntity> {
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.getRepository(CategoryModelEntity).save(manager.create(CategoryModelEntity, model));
      await this.activateIn(manager, saved.version);
      return { ...saved, active: true };
    });
  }

  /**
   * Makes an existing version the active one (a rollback); version 0 goes back to the taxonomy's few-shot
   * model. False when there is no such version.
   */
  async activate(manager: EntityManager, version: number): Promise<boolean> {
    if (version === 0) {
      await this.activateIn(manager, 0);
      return true;
    }
    const exists = await manager.getRepository(CategoryModelEntity).existsBy({ version });
    if (exists) await this.activateIn(manager, version);
    return exists;
  }

  private async activateIn(manager: EntityManager, version: number): Promise<void> {
    // Serialises activations, so two at once cannot both pass the one-active check and then collide.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('category_models.active'))`);
    await manager.query(`UPDATE category_models SET active = false WHERE active AND version <> $1`, [version]);
    await manager.query(`UPDATE category_models SET active = true, activated_at = now() WHERE version = $1`, [version]);
  }
}
