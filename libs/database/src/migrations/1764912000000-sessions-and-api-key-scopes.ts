import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Revocable sessions and narrower API keys. A token carries its account's `session_version`; a trigger bumps it
 * whenever the password, the role or the active flag changes (through the API, the seed or plain SQL alike),
 * which ends every token issued before. A signed-out token's id waits in `revoked_tokens` until it would
 * have expired anyway. API keys get optional scopes, an expiry and their own request quota.
 */
export class SessionsAndApiKeyScopes1764912000000 implements MigrationInterface {
  name = 'SessionsAndApiKeyScopes1764912000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users ADD COLUMN session_version int NOT NULL DEFAULT 0`);
    await queryRunner.query(`
      CREATE FUNCTION end_sessions_on_credential_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.password_hash IS DISTINCT FROM OLD.password_hash OR NEW.role IS DISTINCT FROM OLD.role OR NEW.active IS DISTINCT FROM OLD.active THEN
          NEW.session_version := OLD.session_version + 1;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER end_sessions BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION end_sessions_on_credential_change()`);
    await queryRunner.query(`
      CREATE TABLE revoked_tokens (
        jti uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX idx_revoked_tokens_expires_at ON revoked_tokens (expires_at)`);
    await queryRunner.query(`
      ALTER TABLE api_keys
        ADD COLUMN scopes varchar(32)[],
        ADD COLUMN expires_at timestamptz,
        ADD COLUMN requests_per_minute int CHECK (requests_per_minute > 0)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE api_keys DROP COLUMN requests_per_minute, DROP COLUMN expires_at, DROP COLUMN scopes`);
    await queryRunner.query(`DROP TABLE revoked_tokens`);
    await queryRunner.query(`DROP TRIGGER end_sessions ON users`);
    await queryRunner.query(`DROP FUNCTION end_sessions_on_credential_change()`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN session_version`);
  }
}
