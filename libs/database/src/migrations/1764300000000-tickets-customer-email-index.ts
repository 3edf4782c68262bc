import { MigrationInterface, QueryRunner } from 'typeorm';

/** The sentiment worker looks up a customer's earlier tickets (their language) by e-mail, case-insensitively. */
export class TicketsCustomerEmailIndex1764300000000 implements MigrationInterface {
  name = 'TicketsCustomerEmailIndex1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX idx_tickets_customer_email ON tickets (lower(customer_email), created_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS idx_tickets_customer_email`);
  }
}
