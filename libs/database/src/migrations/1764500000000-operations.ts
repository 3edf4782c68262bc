import { MigrationInterface, QueryRunner } from 'typeorm';

/** Statuses in which a ticket still needs work: it counts against its assignee's capacity. */
const UNFINISHED = `status NOT IN ('resolved', 'closed')`;

/**
 * The agent workspace's operations: routing (category → team rules, agent skills, capacity, availability),
 * SLA clocks, escalation notifications, customer ratings, and the first-response time for analytics.
 */
export class Operations1764500000000 implements MigrationInterface {
  name = 'Operations1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE users
        ADD COLUMN skills varchar(64)[] NOT NULL DEFAULT '{}',
        ADD COLUMN capacity smallint NOT NULL DEFAULT 10 CHECK (capacity BETWEEN 0 AND 1000),
        ADD COLUMN away boolean NOT NULL DEFAULT false,
        ADD COLUMN tier varchar(32) NOT NULL DEFAULT 'standard'`);
    // Round-robin bookkeeping, apart from users so that each assignment does not write an audit entry.
    await queryRunner.query(`
      CREATE TABLE agent_turns (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        last_assigned_at timestamptz NOT NULL
      )`);

    await queryRunner.query(`
      CREATE TABLE routing_rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        category varchar(64) NOT NULL UNIQUE,
        team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // Analytics facts, written with the change that settles them, so that statistics read tickets alone.
    await queryRunner.query(`
      ALTER TABLE tickets
        ADD COLUMN first_response_at timestamptz,
        ADD COLUMN sla_first_response_met boolean,
        ADD COLUMN sla_resolution_met boolean,
        ADD COLUMN suggestion_use varchar(8) CHECK (suggestion_use IN ('accepted', 'edited', 'ignored')),
        ADD COLUMN rating smallint CHECK (rating BETWEEN 1 AND 5)`);
    // GET /api/stats: an index-only scan of the tickets created in a range, with every column it aggregates.
    await queryRunner.query(`
      CREATE INDEX idx_tickets_stats ON tickets (created_at) INCLUDE (team_id, category, priority, channel, language, escalated,
        first_response_at, resolved_at, sla_first_response_met, sla_resolution_met, suggestion_use, rating)`);
    // An agent's load, and a team's queue (triaged, unassigned, unfinished), without scanning finished tickets.
    await queryRunner.query(`CREATE INDEX idx_tickets_open_assignee ON tickets (assignee_id) WHERE ${UNFINISHED}`);
    await queryRunner.query(`CREATE INDEX idx_tickets_team_queue ON tickets (team_id, created_at) WHERE assignee_id IS NULL AND status <> 'new' AND ${UNFINISHED}`);
    // Repeat contacts (a customer's other tickets in the last days) use idx_tickets_customer_email (1764300000000).

    await queryRunner.query(`
      CREATE TABLE sla_clocks (
        ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
        metric varchar(16) NOT NULL CHECK (metric IN ('first_response', 'resolution')),
        policy varchar(16) NOT NULL,
        target_ms bigint NOT NULL CHECK (target_ms > 0),
        elapsed_ms bigint NOT NULL DEFAULT 0,
        running_since timestamptz,
        due_at timestamptz,
        at_risk_at timestamptz,
        breached_at timestamptz,
        stopped_at timestamptz,
        generation int NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (ticket_id, metric),
        CHECK (running_since IS NULL OR stopped_at IS NULL)
      )`);
    await queryRunner.query(`CREATE INDEX idx_sla_clocks_running ON sla_clocks (due_at) WHERE running_since IS NOT NULL`);
    // Breached clocks of unfinished tickets (few): the statistics count them apart.
    await queryRunner.query(`CREATE INDEX idx_sla_clocks_breached_open ON sla_clocks (ticket_id) WHERE stopped_at IS NULL AND breached_at IS NOT NULL`);

    await queryRunner.query(`
      CREATE TABLE ticket_ratings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL UNIQUE REFERENCES tickets(id) ON DELETE CASCADE,
        customer_id uuid REFERENCES users(id) ON DELETE SET NULL,
        score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
        comment text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await queryRunner.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
        channel varchar(8) NOT NULL CHECK (channel IN ('webhook', 'email')),
        target varchar(2000) NOT NULL,
        event varchar(48) NOT NULL,
        payload jsonb NOT NULL,
        dedupe_key varchar(300) NOT NULL UNIQUE,
        status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        response_status int,
        last_error text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX idx_notifications_ticket ON notifications (ticket_id, created_at)`);

    for (const table of ['routing_rules', 'ticket_ratings']) {
      await queryRunner.query(`CREATE TRIGGER audit_${table} AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_row_change()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['notifications', 'ticket_ratings', 'sla_clocks', 'routing_rules', 'agent_turns']) await queryRunner.query(`DROP TABLE ${table}`);
    for (const index of ['idx_tickets_stats', 'idx_tickets_team_queue', 'idx_tickets_open_assignee']) await queryRunner.query(`DROP INDEX ${index}`);
    await queryRunner.query(`
      ALTER TABLE tickets DROP COLUMN rating, DROP COLUMN suggestion_use, DROP COLUMN sla_resolution_met, DROP COLUMN sla_first_response_met, DROP COLUMN first_response_at`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN tier, DROP COLUMN away, DROP COLUMN capacity, DROP COLUMN skills`);
  }
}
