import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { foreignKey, id, instant, integer, reference, text, varchar } from './columns';

/**
 * Case review (supervision): each hotline's sample share, the contacts taken into the review
 * queue, and what supervisors and volunteers wrote on them (encrypted).
 */
export class CaseReview1765721000000 implements MigrationInterface {
  name = 'CaseReview1765721000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'hotline',
      new TableColumn({ ...integer('review_sample_percent'), default: 10 }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'contact_review',
        columns: [
          id(),
          reference('hotline_id'),
          reference('contact_id'),
          reference('volunteer_id'),
          varchar('reason', 16),
          varchar('status', 24),
          instant('occurred_at'),
          instant('selected_at'),
          instant('feedback_at', true),
          instant('reviewed_at', true),
          reference('reviewed_by', true),
          instant('signed_off_at', true),
          instant('last_entry_at', true),
          { ...integer('entry_count'), default: 0 },
          instant('texts_cleared_at', true),
          instant('updated_at'),
        ],
        indices: [
          { name: 'uq_contact_review_contact_id', columnNames: ['contact_id'], isUnique: true },
          {
            name: 'idx_contact_review_hotline_id_occurred_at',
            columnNames: ['hotline_id', 'occurred_at'],
          },
          {
            name: 'idx_contact_review_hotline_id_status_occurred_at',
            columnNames: ['hotline_id', 'status', 'occurred_at'],
          },
          {
            name: 'idx_contact_review_volunteer_id_last_entry_at',
            columnNames: ['volunteer_id', 'last_entry_at'],
          },
        ],
        foreignKeys: [
          foreignKey('contact_review', 'hotline_id', 'hotline'),
          foreignKey('contact_review', 'contact_id', 'contact'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'contact_review_entry',
        columns: [
          id(),
          reference('review_id'),
          integer('position'),
          reference('author_id'),
          varchar('kind', 24),
          instant('at'),
          text('text_encrypted', true),
        ],
        indices: [
          {
            name: 'uq_contact_review_entry_review_id_position',
            columnNames: ['review_id', 'position'],
            isUnique: true,
          },
        ],
        foreignKeys: [foreignKey('contact_review_entry', 'review_id', 'contact_review')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('contact_review_entry');
    await queryRunner.dropTable('contact_review');
    await queryRunner.dropColumn('hotline', 'review_sample_percent');
  }
}
