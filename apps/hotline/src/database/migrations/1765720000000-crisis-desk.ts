import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { instant, reference, text } from './columns';

/** The crisis desk: a case's written report can be saved as a draft (encrypted) before it is filed. */
export class CrisisDesk1765720000000 implements MigrationInterface {
  name = 'CrisisDesk1765720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('crisis_case', [
      new TableColumn(text('report_draft_encrypted', true)),
      new TableColumn(instant('report_draft_saved_at', true)),
      new TableColumn(reference('report_draft_saved_by', true)),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of [
      'report_draft_saved_by',
      'report_draft_saved_at',
      'report_draft_encrypted',
    ])
      await queryRunner.dropColumn('crisis_case', column);
  }
}
