import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { foreignKey, id, instant, reference, varchar } from './columns';

/**
 * Calls as conferences: the conference Twilio runs for an answered call and whether the caller
 * is on hold (on the call), and everyone else in it (`call_participant`).
 */
export class Conferences1765100000000 implements MigrationInterface {
  name = 'Conferences1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('phone_call', [
      new TableColumn(varchar('conference_sid', 64, true)),
      // Booleans written as the entities' `default: false` read back on both databases.
      new TableColumn({ name: 'caller_on_hold', type: 'boolean', default: 0 }),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'call_participant',
        columns: [
          id(),
          reference('hotline_id'),
          reference('call_id'),
          reference('volunteer_id'),
          varchar('role', 16),
          varchar('mode', 16),
          varchar('leg_sid', 64, true),
          { name: 'muted', type: 'boolean', default: 0 },
          instant('joined_at', true),
          instant('left_at', true),
          instant('created_at'),
        ],
        indices: [
          { name: 'idx_call_participant_call_id', columnNames: ['call_id'] },
          { name: 'idx_call_participant_leg_sid', columnNames: ['leg_sid'] },
        ],
        foreignKeys: [
          foreignKey('call_participant', 'hotline_id', 'hotline'),
          foreignKey('call_participant', 'call_id', 'phone_call'),
          foreignKey('call_participant', 'volunteer_id', 'volunteer'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('call_participant');
    await queryRunner.dropColumn('phone_call', 'caller_on_hold');
    await queryRunner.dropColumn('phone_call', 'conference_sid');
  }
}
