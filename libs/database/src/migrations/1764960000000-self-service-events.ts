import { MigrationInterface, QueryRunner } from 'typeorm';

/** What customer-portal visits did with knowledge-base suggestions: the raw counts behind deflection. */
export class SelfServiceEvents1764960000000 implements MigrationInterface {
  name = 'SelfServiceEvents1764960000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE self_service_events (
        id bigserial PRIMARY KEY,
        visit_id uuid NOT NULL,
        type varchar(32) NOT NULL CHECK (type IN ('suggestions-shown', 'article-opened', 'ticket-submitted')),
        article_id varchar(300),
        language varchar(8),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One row per visit, type and article: a page that reports twice is counted once.
    await queryRunner.query(`CREATE UNIQUE INDEX uq_self_service_events ON self_service_events (visit_id, type, coalesce(article_id, ''))`);
    await queryRunner.query(`CREATE INDEX idx_self_service_events_created ON self_service_events (created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE self_service_events`);
  }
}
