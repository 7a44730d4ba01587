import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { instant, integer, text } from './columns';

/**
 * Optional two-factor sign-in: a person's TOTP secret (encrypted), when they confirmed it, and
 * the last time step whose code was accepted (so no code is accepted twice); and, per hotline,
 * the roles that must sign in with a code. Existing people are not enrolled, and no hotline
 * requires it.
 */
export class TwoFactor1764960000000 implements MigrationInterface {
  name = 'TwoFactor1764960000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('volunteer', [
      new TableColumn(text('two_factor_secret_encrypted', true)),
      new TableColumn(instant('two_factor_enabled_at', true)),
      new TableColumn(integer('two_factor_last_step', true)),
    ]);
    await queryRunner.addColumn('hotline', new TableColumn(text('require_two_factor_for', true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('hotline', 'require_two_factor_for');
    await queryRunner.dropColumns('volunteer', [
      'two_factor_last_step',
      'two_factor_enabled_at',
      'two_factor_secret_encrypted',
    ]);
  }
}
