import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose every change is logged, with the columns whose values are never copied into the log. */
const AUDITED: Record<string, string[]> = {
  tickets: [],
  ticket_messages: [],
  users: ['password_hash'],
  teams: [],
  api_keys: ['key_hash'],
  macros: [],
};

/**
 * The audit log, written by a trigger so that no code path can change an audited row without a log entry,
 * and the entry commits or rolls back with the change. The actor comes from transaction-local settings
 * (see actAs in audit-actor.ts); a change made without one is logged as `system`.
 */
export class AuditLog1764200300000 implements MigrationInterface {
  name = 'AuditLog1764200300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id uuid,
        actor varchar(200) NOT NULL,
        action varchar(8) NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
        entity varchar(48) NOT NULL,
        entity_id varchar(64) NOT NULL,
        before jsonb,
        after jsonb
      )`);
    await queryRunner.query(`CREATE INDEX idx_audit_log_entity ON audit_log (entity, entity_id, id)`);
    await queryRunner.query(`CREATE INDEX idx_audit_log_actor ON audit_log (actor_id)`);

    // An update logs only the columns that changed (bookkeeping columns alone are not a change); the trigger's
    // arguments name secret columns, logged as "[redacted]" so that a password change still shows.
    await queryRunner.query(`
      CREATE FUNCTION audit_row_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
        new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
        before_row jsonb := old_row;
        after_row jsonb := new_row;
        secret text;
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          SELECT jsonb_object_agg(n.key, n.value) INTO after_row
            FROM jsonb_each(new_row) AS n
           WHERE n.key NOT IN ('updated_at', 'last_used_at') AND n.value IS DISTINCT FROM old_row -> n.key;
          IF after_row IS NULL THEN
            RETURN NULL;
          END IF;
          SELECT jsonb_object_agg(k, old_row -> k) INTO before_row FROM jsonb_object_keys(after_row) AS k;
        END IF;
        FOR i IN 0 .. TG_NARGS - 1 LOOP
          secret := TG_ARGV[i];
          IF before_row -> secret IS NOT NULL AND before_row -> secret <> 'null' THEN
            before_row := before_row || jsonb_build_object(secret, '[redacted]');
          END IF;
          IF after_row -> secret IS NOT NULL AND after_row -> secret <> 'null' THEN
            after_row := after_row || jsonb_build_object(secret, '[redacted]');
          END IF;
        END LOOP;
        INSERT INTO audit_log (actor_id, actor, action, entity, entity_id, before, after)
        VALUES (
          nullif(current_setting('smartdesk.actor_id', true), '')::uuid,
          coalesce(nullif(current_setting('smartdesk.actor', true), ''), 'system'),
          lower(TG_OP), TG_TABLE_NAME, coalesce(new_row, old_row) ->> 'id', before_row, after_row
        );
        RETURN NULL;
      END
      $$`);
    for (const [table, secrets] of Object.entries(AUDITED)) {
      const args = secrets.map((column) => `'${column}'`).join(', ');
      await queryRunner.query(`CREATE TRIGGER audit_${table} AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_row_change(${args})`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of Object.keys(AUDITED)) await queryRunner.query(`DROP TRIGGER audit_${table} ON ${table}`);
    await queryRunner.query(`DROP FUNCTION audit_row_change()`);
    await queryRunner.query(`DROP TABLE audit_log`);
  }
}
