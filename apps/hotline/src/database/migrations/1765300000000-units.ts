import { randomUUID } from 'node:crypto';
import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { id, instant, reference, varchar } from './columns';

/**
 * Levels of organisation: a tree of units (province → city → county → school), roles given at
 * a unit, and each hotline's unit. A top unit is made and every existing hotline attached to
 * it, so an installation that never builds a tree works as before.
 */
export class Units1765300000000 implements MigrationInterface {
  name = 'Units1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'unit',
        columns: [
          id(),
          reference('parent_id', true),
          varchar('name', 120),
          varchar('kind', 16),
          instant('created_at'),
        ],
        indices: [{ name: 'idx_unit_parent_id', columnNames: ['parent_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'unit_role',
        columns: [
          { ...reference('volunteer_id'), isPrimary: true },
          { ...reference('unit_id'), isPrimary: true },
          { ...varchar('role', 16), isPrimary: true },
          instant('granted_at'),
        ],
        indices: [{ name: 'idx_unit_role_unit_id', columnNames: ['unit_id'] }],
      }),
    );
    await queryRunner.addColumn('hotline', new TableColumn(reference('unit_id', true)));
    await queryRunner.createIndex(
      'hotline',
      new TableIndex({ name: 'idx_hotline_unit_id', columnNames: ['unit_id'] }),
    );
    const top = randomUUID();
    await queryRunner.query(
      'INSERT INTO `unit` (`id`, `parent_id`, `name`, `kind`, `created_at`) VALUES (?, NULL, ?, ?, ?)',
      [top, '全部热线', 'other', new Date().toISOString().replace('T', ' ').slice(0, 23)],
    );
    await queryRunner.query('UPDATE `hotline` SET `unit_id` = ?', [top]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('hotline', 'idx_hotline_unit_id');
    await queryRunner.dropColumn('hotline', 'unit_id');
    await queryRunner.dropTable('unit_role');
    await queryRunner.dropTable('unit');
  }
}
