import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { foreignKey, id, instant, integer, reference, text, varchar } from './columns';

/** Shift templates, shifts, sign-ups with attendance, the withdrawal cut-off, calendar feeds. */
export class Shifts1764400000000 implements MigrationInterface {
  name = 'Shifts1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'shift_template',
        columns: [
          id(),
          reference('hotline_id'),
          varchar('name', 80),
          text('weekdays'),
          varchar('start_time', 5),
          varchar('end_time', 5),
          integer('volunteers_needed'),
          integer('supervisors_needed'),
          varchar('valid_from', 10, true),
          varchar('valid_to', 10, true),
          instant('created_at'),
          instant('updated_at'),
        ],
        foreignKeys: [foreignKey('shift_template', 'hotline_id', 'hotline')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'shift',
        columns: [
          id(),
          reference('hotline_id'),
          reference('template_id', true),
          varchar('local_date', 10),
          instant('starts_at'),
          instant('ends_at'),
          integer('volunteers_needed'),
          integer('supervisors_needed'),
          integer('volunteers_signed'),
          integer('supervisors_signed'),
          instant('cancelled_at', true),
          integer('version'),
          instant('reminded_at', true),
          instant('gap_invited_at', true),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [
          {
            name: 'uq_shift_hotline_id_starts_at_ends_at',
            columnNames: ['hotline_id', 'starts_at', 'ends_at'],
            isUnique: true,
          },
        ],
        foreignKeys: [foreignKey('shift', 'hotline_id', 'hotline')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'shift_signup',
        columns: [
          id(),
          reference('shift_id'),
          reference('volunteer_id'),
          varchar('slot', 16),
          instant('signed_up_at'),
          instant('checked_in_at', true),
          integer('minutes_late', true),
          { name: 'no_show', type: 'boolean' },
          reference('corrected_by', true),
        ],
        indices: [
          {
            name: 'uq_shift_signup_shift_id_volunteer_id',
            columnNames: ['shift_id', 'volunteer_id'],
            isUnique: true,
          },
          { name: 'idx_shift_signup_volunteer_id', columnNames: ['volunteer_id'] },
        ],
        foreignKeys: [
          foreignKey('shift_signup', 'shift_id', 'shift'),
          foreignKey('shift_signup', 'volunteer_id', 'volunteer'),
        ],
      }),
    );
    await queryRunner.addColumn(
      'hotline',
      new TableColumn({ ...integer('withdraw_cutoff_hours'), default: 24 }),
    );
    await queryRunner.addColumn(
      'volunteer',
      new TableColumn(varchar('calendar_feed_token_hash', 64, true)),
    );
    await queryRunner.createIndex(
      'volunteer',
      new TableIndex({
        name: 'uq_volunteer_calendar_feed_token_hash',
        columnNames: ['calendar_feed_token_hash'],
        isUnique: true,
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('volunteer', 'uq_volunteer_calendar_feed_token_hash');
    await queryRunner.dropColumn('volunteer', 'calendar_feed_token_hash');
    await queryRunner.dropColumn('hotline', 'withdraw_cutoff_hours');
    for (const table of ['shift_signup', 'shift', 'shift_template'])
      await queryRunner.dropTable(table);
  }
}
