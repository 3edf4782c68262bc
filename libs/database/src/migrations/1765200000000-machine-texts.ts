import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Texts an LLM wrote for staff on one ticket (translations of its messages or of a reply draft, summaries of its
 * thread), kept so that opening a ticket twice does not pay the model twice. Keyed by what went into the prompt.
 */
export class MachineTexts1765200000000 implements MigrationInterface {
  name = 'MachineTexts1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE machine_texts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
        kind varchar(16) NOT NULL CHECK (kind IN ('translation', 'summary')),
        -- The translated message; null for a reply draft's translation and for summaries.
        message_id uuid REFERENCES ticket_messages(id) ON DELETE CASCADE,
        -- sha256 of the prompt input (the text, or the thread), so an edited input is never answered from the cache.
        input_hash char(64) NOT NULL,
        target_language varchar(8) NOT NULL,
        model varchar(200) NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_machine_texts_input UNIQUE (ticket_id, kind, input_hash, target_language, model)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE machine_texts`);
  }
}
