import { MigrationInterface, QueryRunner } from 'typeorm';

/** Teams, accounts with roles, API keys, and who a ticket belongs to (customer, team, assignee). */
export class AccountsAndRoles1764200000000 implements MigrationInterface {
  name = 'AccountsAndRoles1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE teams (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(100) NOT NULL UNIQUE,
        department varchar(100) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX idx_teams_department ON teams (department)`);

    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(320) NOT NULL UNIQUE CHECK (email = lower(email)),
        name varchar(200) NOT NULL,
        role varchar(16) NOT NULL CHECK (role IN ('customer', 'agent', 'manager', 'admin')),
        password_hash text,
        team_id uuid REFERENCES teams(id) ON DELETE SET NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX idx_users_team_id ON users (team_id)`);

    await queryRunner.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(100) NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        prefix varchar(16) NOT NULL,
        key_hash char(64) NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX idx_api_keys_user_id ON api_keys (user_id)`);

    await queryRunner.query(`
      ALTER TABLE tickets
        ADD COLUMN customer_id uuid REFERENCES users(id) ON DELETE SET NULL,
        ADD COLUMN team_id uuid REFERENCES teams(id) ON DELETE SET NULL,
        ADD COLUMN assignee_id uuid REFERENCES users(id) ON DELETE SET NULL`);
    for (const column of ['customer_id', 'team_id', 'assignee_id']) {
      await queryRunner.query(`CREATE INDEX idx_tickets_${column} ON tickets (${column})`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE tickets DROP COLUMN assignee_id, DROP COLUMN team_id, DROP COLUMN customer_id`);
    for (const table of ['api_keys', 'users', 'teams']) await queryRunner.query(`DROP TABLE ${table}`);
  }
}
