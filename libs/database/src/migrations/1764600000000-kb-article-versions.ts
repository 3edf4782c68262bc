import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Postgres becomes the knowledge base's store of record: kb_articles holds each article's current
 * content (from kb/ files or the API) beside what the vector index holds of it, and kb_article_versions
 * keeps every version (who, when, what) so an earlier one can be restored. The index follows Postgres.
 */
export class KbArticleVersions1764600000000 implements MigrationInterface {
  name = 'KbArticleVersions1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE kb_articles
        ADD COLUMN source varchar(8) NOT NULL DEFAULT 'file' CHECK (source IN ('file', 'api')),
        ADD COLUMN updated_by varchar(200) NOT NULL DEFAULT 'kb/ file watcher',
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN deleted_at timestamptz,
        ADD COLUMN indexed_version int,
        ALTER COLUMN collection DROP NOT NULL,
        ALTER COLUMN chunk_count SET DEFAULT 0,
        ALTER COLUMN indexed_at DROP NOT NULL,
        ALTER COLUMN indexed_at DROP DEFAULT`);
    // Rows written so far came from kb/ and are indexed at their version; their file path is now relative to KB_DIR.
    await queryRunner.query(`UPDATE kb_articles SET indexed_version = version, path = 'kb/' || id || '.md'`);
    await queryRunner.query(`
      CREATE TABLE kb_article_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        article_id varchar(300) NOT NULL,
        version int NOT NULL,
        change varchar(8) NOT NULL CHECK (change IN ('created', 'updated', 'deleted', 'restored')),
        source varchar(8) NOT NULL CHECK (source IN ('file', 'api')),
        path varchar(400) NOT NULL,
        title varchar(300) NOT NULL,
        body text NOT NULL,
        category varchar(64) NOT NULL,
        language varchar(8) NOT NULL,
        tags jsonb NOT NULL DEFAULT '[]',
        content_hash varchar(64) NOT NULL,
        changed_by varchar(200) NOT NULL,
        changed_by_id uuid,
        changed_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (article_id, version)
      )`);
    await queryRunner.query(`
      INSERT INTO kb_article_versions (article_id, version, change, source, path, title, body, category, language, tags, content_hash, changed_by, changed_at)
      SELECT id, version, 'created', 'file', path, title, body, category, language, tags, content_hash, 'kb/ file watcher', coalesce(indexed_at, now()) FROM kb_articles`);
    // Each change is one version row, written in the change's transaction: the audit log names who made it.
    await queryRunner.query(`CREATE TRIGGER audit_kb_article_versions AFTER INSERT OR UPDATE OR DELETE ON kb_article_versions FOR EACH ROW EXECUTE FUNCTION audit_row_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE kb_article_versions`);
    await queryRunner.query(`DELETE FROM kb_articles WHERE source = 'api' OR collection IS NULL`);
    await queryRunner.query(`UPDATE kb_articles SET indexed_at = coalesce(indexed_at, now()), path = 'kb/' || id || '.md'`);
    await queryRunner.query(`
      ALTER TABLE kb_articles
        DROP COLUMN source, DROP COLUMN updated_by, DROP COLUMN updated_at, DROP COLUMN deleted_at, DROP COLUMN indexed_version,
        ALTER COLUMN collection SET NOT NULL,
        ALTER COLUMN indexed_at SET NOT NULL,
        ALTER COLUMN indexed_at SET DEFAULT now()`);
  }
}
