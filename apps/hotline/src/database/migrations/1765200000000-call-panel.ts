import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { foreignKey, id, instant, reference, text } from './columns';

/**
 * The live call panel: the contact draft a volunteer writes while talking (one row per call,
 * notes encrypted), and who opened a crisis case from their call ("crisis now").
 */
export class CallPanel1765200000000 implements MigrationInterface {
  name = 'CallPanel1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('crisis_case', new TableColumn(reference('opened_by', true)));
    await queryRunner.createTable(
      new Table({
        name: 'contact_draft',
        columns: [
          id(),
          reference('hotline_id'),
          reference('call_id'),
          reference('volunteer_id'),
          text('fields'),
          text('notes_encrypted', true),
          instant('updated_at'),
        ],
        indices: [
          { name: 'uq_contact_draft_call_id', columnNames: ['call_id'], isUnique: true },
          {
            name: 'idx_contact_draft_hotline_id_updated_at',
            columnNames: ['hotline_id', 'updated_at'],
          },
        ],
        foreignKeys: [foreignKey('contact_draft', 'hotline_id', 'hotline')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('contact_draft');
    await queryRunner.dropColumn('crisis_case', 'opened_by');
  }
}
