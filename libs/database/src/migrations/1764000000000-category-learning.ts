import { MigrationInterface, QueryRunner } from 'typeorm';

/** Learning categories from the team: agent-confirmed tickets, imported examples, and versioned trained models. */
export class CategoryLearning1764000000000 implements MigrationInterface {
  name = 'CategoryLearning1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE tickets
        ADD COLUMN category_confirmed_by varchar(200),
        ADD COLUMN category_confirmed_at timestamptz`);
    // Training reads exactly these rows: an index keeps it cheap as history grows.
    await queryRunner.query(`CREATE INDEX idx_tickets_category_confirmed ON tickets (category_confirmed_at) WHERE category_confirmed_at IS NOT NULL`);

    await queryRunner.query(`
      CREATE TABLE category_training_examples (
        id bigserial PRIMARY KEY,
        text text NOT NULL,
        label varchar(64) NOT NULL,
        import_id uuid NOT NULL,
        imported_by varchar(200) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Re-importing the same file adds nothing twice.
    await queryRunner.query(`CREATE UNIQUE INDEX uq_category_training_examples ON category_training_examples (label, md5(text))`);

    await queryRunner.query(`
      CREATE TABLE category_models (
        version serial PRIMARY KEY,
        id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
        algorithm varchar(32) NOT NULL,
        labels jsonb NOT NULL,
        example_counts jsonb NOT NULL,
        metrics jsonb NOT NULL,
        data_fingerprint varchar(64) NOT NULL,
        training_ms int NOT NULL,
        weights bytea NOT NULL,
        trained_by varchar(200) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        active boolean NOT NULL DEFAULT false,
        activated_at timestamptz
      )`);
    // At most one active model: the one every categorization worker runs.
    await queryRunner.query(`CREATE UNIQUE INDEX uq_category_models_active ON category_models (active) WHERE active`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE category_models`);
    await queryRunner.query(`DROP TABLE category_training_examples`);
    await queryRunner.query(`DROP INDEX idx_tickets_category_confirmed`);
    await queryRunner.query(`ALTER TABLE tickets DROP COLUMN category_confirmed_at, DROP COLUMN category_confirmed_by`);
  }
}
