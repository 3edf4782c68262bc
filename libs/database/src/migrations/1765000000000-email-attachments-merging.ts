import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The email channel (mail_messages), attachments stored outside the row, and merging and linking tickets.
 * Attachments, links and merges are audited like the tickets they change.
 */
export class EmailAttachmentsMerging1765000000000 implements MigrationInterface {
  name = 'EmailAttachmentsMerging1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE mail_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- Deferred: an inbound mail's row is written before the ticket it creates, in the same transaction.
        ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        ticket_message_id uuid REFERENCES ticket_messages(id) ON DELETE SET NULL,
        direction varchar(8) NOT NULL CHECK (direction IN ('inbound', 'outbound')),
        kind varchar(8) CHECK (kind IN ('reply', 'status')),
        message_id varchar(998) NOT NULL CONSTRAINT uq_mail_messages_message_id UNIQUE,
        in_reply_to varchar(998),
        "references" text[] NOT NULL DEFAULT '{}',
        mailbox varchar(300),
        sender varchar(320) NOT NULL,
        recipient varchar(320) NOT NULL,
        subject varchar(998) NOT NULL,
        body text NOT NULL DEFAULT '',
        status_announced varchar(16),
        status varchar(8) NOT NULL CHECK (status IN ('received', 'queued', 'sending', 'sent', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX idx_mail_messages_ticket ON mail_messages (ticket_id, created_at)`);

    await queryRunner.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        ticket_message_id uuid REFERENCES ticket_messages(id) ON DELETE SET NULL,
        filename varchar(255) NOT NULL,
        content_type varchar(255) NOT NULL,
        size int NOT NULL CHECK (size >= 0),
        sha256 varchar(64) NOT NULL,
        storage_key varchar(300) NOT NULL,
        uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX idx_attachments_ticket ON attachments (ticket_id, created_at)`);

    await queryRunner.query(`ALTER TABLE tickets ADD COLUMN merged_into_id uuid REFERENCES tickets(id) ON DELETE SET NULL`);
    await queryRunner.query(`CREATE INDEX idx_tickets_merged_into ON tickets (merged_into_id) WHERE merged_into_id IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE ticket_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
        related_ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_ticket_links UNIQUE (ticket_id, related_ticket_id),
        CHECK (ticket_id < related_ticket_id)
      )`);
    await queryRunner.query(`CREATE INDEX idx_ticket_links_related ON ticket_links (related_ticket_id)`);
    for (const table of ['attachments', 'ticket_links']) {
      await queryRunner.query(`CREATE TRIGGER audit_${table} AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_row_change()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ticket_links`);
    await queryRunner.query(`ALTER TABLE tickets DROP COLUMN merged_into_id`);
    await queryRunner.query(`DROP TABLE attachments`);
    await queryRunner.query(`DROP TABLE mail_messages`);
  }
}
