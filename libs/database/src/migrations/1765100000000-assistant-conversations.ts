import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The self-service assistant's conversations and their messages. A conversation belongs to a signed-in
 * customer, or to whoever holds its random token (only the token's SHA-256 is stored).
 */
export class AssistantConversations1765100000000 implements MigrationInterface {
  name = 'AssistantConversations1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE assistant_conversations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid REFERENCES users(id) ON DELETE CASCADE,
        token_hash char(64),
        language varchar(8) NOT NULL DEFAULT 'en',
        status varchar(16) NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'solved', 'ticket_opened', 'handed_over')),
        ticket_id uuid REFERENCES tickets(id) ON DELETE SET NULL,
        -- An anonymous caller proves a ticket is theirs with a one-time code mailed to its address.
        verify_ticket_id uuid REFERENCES tickets(id) ON DELETE SET NULL,
        verify_code_hash char(64),
        verify_expires_at timestamptz,
        verify_attempts smallint NOT NULL DEFAULT 0,
        verified_ticket_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((customer_id IS NULL) <> (token_hash IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX idx_assistant_conversations_customer ON assistant_conversations (customer_id) WHERE customer_id IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE assistant_messages (
        id bigserial PRIMARY KEY,
        conversation_id uuid NOT NULL REFERENCES assistant_conversations(id) ON DELETE CASCADE,
        role varchar(16) NOT NULL CHECK (role IN ('customer', 'assistant')),
        body text NOT NULL,
        intent varchar(16),
        confidence real,
        source varchar(8),
        citations jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX idx_assistant_messages_conversation ON assistant_messages (conversation_id, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS assistant_messages`);
    await queryRunner.query(`DROP TABLE IF EXISTS assistant_conversations`);
  }
}
