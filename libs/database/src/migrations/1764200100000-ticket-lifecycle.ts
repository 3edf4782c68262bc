import { MigrationInterface, QueryRunner } from 'typeorm';

/** The full lifecycle (new → triaged → open → pending → resolved → closed), a version for optimistic concurrency, and who resolved. */
export class TicketLifecycle1764200100000 implements MigrationInterface {
  name = 'TicketLifecycle1764200100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE tickets
        ADD COLUMN version int NOT NULL DEFAULT 1,
        ADD COLUMN resolved_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        ADD COLUMN closed_at timestamptz,
        ADD CONSTRAINT chk_tickets_status CHECK (status IN ('new', 'triaged', 'open', 'pending', 'resolved', 'closed'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE tickets
        DROP CONSTRAINT chk_tickets_status,
        DROP COLUMN closed_at,
        DROP COLUMN resolved_by_id,
        DROP COLUMN version`);
  }
}
