import { MigrationInterface, QueryRunner } from 'typeorm';

/** Ticket conversations (customer messages, public replies, internal notes) and canned responses. */
export class Conversation1764200200000 implements MigrationInterface {
  name = 'Conversation1764200200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE macros (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(100) NOT NULL UNIQUE,
        body text NOT NULL,
        created_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await queryRunner.query(`
      CREATE TABLE ticket_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('customer', 'reply', 'note')),
        body text NOT NULL,
        response_id uuid REFERENCES ticket_responses(id) ON DELETE SET NULL,
        suggestion_use varchar(8) CHECK (suggestion_use IN ('accepted', 'edited')),
        macro_id uuid REFERENCES macros(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CHECK ((response_id IS NULL) = (suggestion_use IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX idx_ticket_messages_ticket ON ticket_messages (ticket_id, created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ticket_messages`);
    await queryRunner.query(`DROP TABLE macros`);
  }
}
