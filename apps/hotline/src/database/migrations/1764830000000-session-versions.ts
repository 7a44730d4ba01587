import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { integer } from './columns';

/**
 * Each person's session version: every access token carries the version it was issued under,
 * and signing out, a password change or reset, or a deactivation moves it on, which ends every
 * token issued before at once, on every instance.
 */
export class SessionVersions1764830000000 implements MigrationInterface {
  name = 'SessionVersions1764830000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'volunteer',
      new TableColumn({ ...integer('session_version'), default: 0 }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('volunteer', 'session_version');
  }
}
