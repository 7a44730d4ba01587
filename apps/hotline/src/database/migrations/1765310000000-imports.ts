import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { id, instant, integer, reference, varchar } from './columns';

/** Imports of earlier years: each committed file, and each row imported (so none twice). */
export class Imports1765310000000 implements MigrationInterface {
  name = 'Imports1765310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'import_batch',
        columns: [
          id(),
          reference('hotline_id'),
          varchar('kind', 16),
          varchar('source', 120),
          varchar('file_name', 255),
          integer('added'),
          integer('consultations'),
          reference('imported_by'),
          instant('imported_at'),
        ],
        indices: [{ name: 'idx_import_batch_hotline_id', columnNames: ['hotline_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'imported_row',
        columns: [
          { ...reference('hotline_id'), isPrimary: true },
          { ...varchar('row_key', 64), isPrimary: true },
          reference('batch_id'),
          reference('contact_id', true),
          varchar('tally_month', 7, true),
          varchar('tally_channel', 16, true),
          varchar('tally_topic', 100, true),
          integer('tally_count', true),
        ],
        indices: [{ name: 'idx_imported_row_batch_id', columnNames: ['batch_id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('imported_row');
    await queryRunner.dropTable('import_batch');
  }
}
