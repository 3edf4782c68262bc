import { MigrationInterface, QueryRunner } from 'typeorm';

/** Outbound mail may also tell a customer that their ticket was merged into another (kind 'merged'). */
export class MergeNoticeMail1765300000000 implements MigrationInterface {
  name = 'MergeNoticeMail1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE mail_messages DROP CONSTRAINT mail_messages_kind_check,
        ADD CONSTRAINT mail_messages_kind_check CHECK (kind IN ('reply', 'status', 'merged'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Merge notices stay in the thread as the machine notices they are: status notices without a status.
    await queryRunner.query(`UPDATE mail_messages SET kind = 'status' WHERE kind = 'merged'`);
    await queryRunner.query(`
      ALTER TABLE mail_messages DROP CONSTRAINT mail_messages_kind_check,
        ADD CONSTRAINT mail_messages_kind_check CHECK (kind IN ('reply', 'status'))`);
  }
}
