import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Teaching sentiment like categories, and agents' feedback on suggested responses. The category learning
 * tables become shared by every learned model (a `task` column), with versions counted per task.
 */
export class SentimentLearning1764800000000 implements MigrationInterface {
  name = 'SentimentLearning1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE tickets
        ADD COLUMN sentiment_confirmed_by varchar(200),
        ADD COLUMN sentiment_confirmed_at timestamptz`);
    await queryRunner.query(`CREATE INDEX idx_tickets_sentiment_confirmed ON tickets (sentiment_confirmed_at) WHERE sentiment_confirmed_at IS NOT NULL`);

    await queryRunner.query(`ALTER TABLE category_training_examples RENAME TO training_examples`);
    await queryRunner.query(`ALTER SEQUENCE category_training_examples_id_seq RENAME TO training_examples_id_seq`);
    await queryRunner.query(`ALTER INDEX category_training_examples_pkey RENAME TO training_examples_pkey`);
    await queryRunner.query(`ALTER TABLE training_examples ADD COLUMN task varchar(16) NOT NULL DEFAULT 'category'`);
    await queryRunner.query(`ALTER TABLE training_examples ALTER COLUMN task DROP DEFAULT`);
    await queryRunner.query(`DROP INDEX uq_category_training_examples`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_training_examples ON training_examples (task, label, md5(text))`);

    // Versions count per task (sentiment v1 is its first model), so the key becomes the id.
    await queryRunner.query(`ALTER TABLE category_models RENAME TO trained_models`);
    await queryRunner.query(`ALTER TRIGGER audit_category_models ON trained_models RENAME TO audit_trained_models`);
    await queryRunner.query(`ALTER TABLE trained_models ADD COLUMN task varchar(16) NOT NULL DEFAULT 'category'`);
    await queryRunner.query(`ALTER TABLE trained_models ALTER COLUMN task DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE trained_models DROP CONSTRAINT category_models_pkey`);
    await queryRunner.query(`ALTER TABLE trained_models ALTER COLUMN version DROP DEFAULT`);
    await queryRunner.query(`DROP SEQUENCE category_models_version_seq`);
    await queryRunner.query(`ALTER TABLE trained_models DROP CONSTRAINT category_models_id_key`);
    await queryRunner.query(`ALTER TABLE trained_models ADD CONSTRAINT trained_models_pkey PRIMARY KEY (id)`);
    await queryRunner.query(`ALTER TABLE trained_models ADD CONSTRAINT uq_trained_models_version UNIQUE (task, version)`);
    await queryRunner.query(`DROP INDEX uq_category_models_active`);
    // At most one active model per task: the one every worker of that task runs.
    await queryRunner.query(`CREATE UNIQUE INDEX uq_trained_models_active ON trained_models (task) WHERE active`);

    await queryRunner.query(`
      CREATE TABLE suggestion_feedback (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
        response_id uuid NOT NULL REFERENCES ticket_responses(id) ON DELETE CASCADE,
        revision int NOT NULL,
        agent_id uuid NOT NULL REFERENCES users(id),
        outcome varchar(8) NOT NULL CHECK (outcome IN ('accepted', 'edited', 'rejected')),
        reason text,
        origin varchar(8) NOT NULL CHECK (origin IN ('feedback', 'reply')),
        category varchar(64),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One outcome per agent and suggestion: what they said, or what their reply made of it.
    await queryRunner.query(`CREATE UNIQUE INDEX uq_suggestion_feedback_agent ON suggestion_feedback (response_id, agent_id)`);
    await queryRunner.query(`CREATE INDEX idx_suggestion_feedback_ticket ON suggestion_feedback (ticket_id)`);
    await queryRunner.query(`CREATE TRIGGER audit_suggestion_feedback AFTER INSERT OR UPDATE OR DELETE ON suggestion_feedback FOR EACH ROW EXECUTE FUNCTION audit_row_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE suggestion_feedback`);

    await queryRunner.query(`DELETE FROM trained_models WHERE task <> 'category'`);
    await queryRunner.query(`DROP INDEX uq_trained_models_active`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_category_models_active ON trained_models (active) WHERE active`);
    await queryRunner.query(`ALTER TABLE trained_models DROP CONSTRAINT uq_trained_models_version`);
    await queryRunner.query(`ALTER TABLE trained_models DROP CONSTRAINT trained_models_pkey`);
    await queryRunner.query(`ALTER TABLE trained_models ADD CONSTRAINT category_models_id_key UNIQUE (id)`);
    await queryRunner.query(`CREATE SEQUENCE category_models_version_seq AS integer OWNED BY trained_models.version`);
    await queryRunner.query(`SELECT setval('category_models_version_seq', coalesce(max(version), 0) + 1, false) FROM trained_models`);
    await queryRunner.query(`ALTER TABLE trained_models ALTER COLUMN version SET DEFAULT nextval('category_models_version_seq')`);
    await queryRunner.query(`ALTER TABLE trained_models ADD CONSTRAINT category_models_pkey PRIMARY KEY (version)`);
    await queryRunner.query(`ALTER TABLE trained_models DROP COLUMN task`);
    await queryRunner.query(`ALTER TRIGGER audit_trained_models ON trained_models RENAME TO audit_category_models`);
    await queryRunner.query(`ALTER TABLE trained_models RENAME TO category_models`);

    await queryRunner.query(`DELETE FROM training_examples WHERE task <> 'category'`);
    await queryRunner.query(`DROP INDEX uq_training_examples`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_category_training_examples ON training_examples (label, md5(text))`);
    await queryRunner.query(`ALTER TABLE training_examples DROP COLUMN task`);
    await queryRunner.query(`ALTER INDEX training_examples_pkey RENAME TO category_training_examples_pkey`);
    await queryRunner.query(`ALTER SEQUENCE training_examples_id_seq RENAME TO category_training_examples_id_seq`);
    await queryRunner.query(`ALTER TABLE training_examples RENAME TO category_training_examples`);

    await queryRunner.query(`DROP INDEX idx_tickets_sentiment_confirmed`);
    await queryRunner.query(`ALTER TABLE tickets DROP COLUMN sentiment_confirmed_at, DROP COLUMN sentiment_confirmed_by`);
  }
}
