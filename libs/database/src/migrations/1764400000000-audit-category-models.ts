import { MigrationInterface, QueryRunner } from 'typeorm';

/** Who trained and who activated (or rolled back) each categorizer version goes to the audit log; the weights do not. */
export class AuditCategoryModels1764400000000 implements MigrationInterface {
  name = 'AuditCategoryModels1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TRIGGER audit_category_models AFTER INSERT OR UPDATE OR DELETE ON category_models FOR EACH ROW EXECUTE FUNCTION audit_row_change('weights')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_category_models ON category_models`);
  }
}
