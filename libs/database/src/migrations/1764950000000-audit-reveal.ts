import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log also records reads of masked data: a manager or admin revealing a ticket's card numbers,
 * passwords or keys is logged as action `reveal` (which fields, never their values).
 */
export class AuditReveal1764950000000 implements MigrationInterface {
  name = 'AuditReveal1764950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check`);
    await queryRunner.query(`ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN ('insert', 'update', 'delete', 'reveal'))`);
  }

  /** Reveal entries cannot exist under the old constraint: reverting removes them. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM audit_log WHERE action = 'reveal'`);
    await queryRunner.query(`ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check`);
    await queryRunner.query(`ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN ('insert', 'update', 'delete'))`);
  }
}
