import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { foreignKey, id, instant, integer, reference, varchar } from './columns';

/**
 * The call-back desk: a request's source, who it is assigned to, the attempt under way, how it
 * ended (reached, wrong number, marked done); each attempt to call a caller back
 * (`callback_attempt`); and a contact's direction, with the request a call-back's record answers.
 */
export class CallbackDesk1765730000000 implements MigrationInterface {
  name = 'CallbackDesk1765730000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('callback_request', [
      new TableColumn({ ...varchar('source', 16), default: "'phone'" }),
      new TableColumn(reference('assigned_to', true)),
      new TableColumn(reference('assigned_by', true)),
      new TableColumn(instant('assigned_at', true)),
      new TableColumn(reference('active_attempt_id', true)),
      new TableColumn({ ...integer('attempt_count'), default: 0 }),
      new TableColumn(varchar('last_outcome', 16, true)),
      new TableColumn(instant('last_attempt_at', true)),
      new TableColumn(varchar('result', 16, true)),
      new TableColumn(instant('reached_at', true)),
    ]);
    // Requests closed before the desk existed were marked done by hand.
    await queryRunner.query(
      "UPDATE callback_request SET result = 'marked_done' WHERE done_at IS NOT NULL",
    );
    await queryRunner.createIndices('callback_request', [
      new TableIndex({
        name: 'idx_callback_request_hotline_id_requested_at_id',
        columnNames: ['hotline_id', 'requested_at', 'id'],
      }),
      new TableIndex({
        name: 'idx_callback_request_assigned_to_done_at',
        columnNames: ['assigned_to', 'done_at'],
      }),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'callback_attempt',
        columns: [
          id(),
          reference('hotline_id'),
          reference('request_id'),
          reference('volunteer_id'),
          varchar('status', 20),
          varchar('outcome', 16, true),
          instant('started_at'),
          varchar('volunteer_leg_sid', 64, true),
          varchar('caller_leg_sid', 64, true),
          instant('answered_at', true),
          instant('ended_at', true),
          integer('talk_seconds', true),
          instant('check_at', true),
          instant('updated_at'),
        ],
        indices: [
          { name: 'idx_callback_attempt_request_id', columnNames: ['request_id'] },
          {
            name: 'idx_callback_attempt_hotline_id_started_at',
            columnNames: ['hotline_id', 'started_at'],
          },
          { name: 'idx_callback_attempt_status_check_at', columnNames: ['status', 'check_at'] },
        ],
        foreignKeys: [
          foreignKey('callback_attempt', 'hotline_id', 'hotline'),
          foreignKey('callback_attempt', 'request_id', 'callback_request'),
          foreignKey('callback_attempt', 'volunteer_id', 'volunteer'),
        ],
      }),
    );
    await queryRunner.addColumns('contact', [
      new TableColumn({ ...varchar('direction', 8), default: "'inbound'" }),
      new TableColumn(reference('callback_request_id', true)),
    ]);
    await queryRunner.createIndex(
      'contact',
      new TableIndex({
        name: 'uq_contact_callback_request_id',
        columnNames: ['callback_request_id'],
        isUnique: true,
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('contact', 'uq_contact_callback_request_id');
    await queryRunner.dropColumns('contact', ['direction', 'callback_request_id']);
    await queryRunner.dropTable('callback_attempt');
    await queryRunner.dropIndex('callback_request', 'idx_callback_request_assigned_to_done_at');
    await queryRunner.dropIndex(
      'callback_request',
      'idx_callback_request_hotline_id_requested_at_id',
    );
    await queryRunner.dropColumns('callback_request', [
      'source',
      'assigned_to',
      'assigned_by',
      'assigned_at',
      'active_attempt_id',
      'attempt_count',
      'last_outcome',
      'last_attempt_at',
      'result',
      'reached_at',
    ]);
  }
}
