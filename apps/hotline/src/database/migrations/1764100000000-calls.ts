import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { foreignKey, id, instant, integer, reference, text, varchar } from './columns';

/** Calls, the offers that rang volunteers, call-back requests and presence changes. */
export class Calls1764100000000 implements MigrationInterface {
  name = 'Calls1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'phone_call',
        columns: [
          id(),
          reference('hotline_id'),
          varchar('call_sid', 64),
          text('caller_number_encrypted', true),
          varchar('caller_hash', 64, true),
          varchar('caller_type', 16, true),
          varchar('topic', 64, true),
          varchar('priority', 16),
          varchar('status', 16),
          varchar('outcome', 24, true),
          varchar('queue_sid', 64, true),
          reference('volunteer_id', true),
          integer('offer_count'),
          instant('arrived_at'),
          instant('queued_at', true),
          instant('first_offered_at', true),
          instant('answered_at', true),
          instant('ended_at', true),
          integer('wait_seconds', true),
          integer('talk_seconds', true),
          instant('updated_at'),
        ],
        indices: [
          { name: 'uq_phone_call_call_sid', columnNames: ['call_sid'], isUnique: true },
          { name: 'idx_phone_call_hotline_id_status', columnNames: ['hotline_id', 'status'] },
          {
            name: 'idx_phone_call_hotline_id_arrived_at',
            columnNames: ['hotline_id', 'arrived_at'],
          },
          { name: 'idx_phone_call_caller_hash', columnNames: ['caller_hash'] },
        ],
        foreignKeys: [
          foreignKey('phone_call', 'hotline_id', 'hotline'),
          foreignKey('phone_call', 'volunteer_id', 'volunteer'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'call_offer',
        columns: [
          id(),
          reference('call_id'),
          reference('volunteer_id'),
          instant('offered_at'),
          instant('expires_at'),
          varchar('result', 16, true),
          instant('ended_at', true),
        ],
        indices: [
          { name: 'idx_call_offer_call_id', columnNames: ['call_id'] },
          {
            name: 'idx_call_offer_volunteer_id_offered_at',
            columnNames: ['volunteer_id', 'offered_at'],
          },
        ],
        foreignKeys: [
          foreignKey('call_offer', 'call_id', 'phone_call'),
          foreignKey('call_offer', 'volunteer_id', 'volunteer'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'callback_request',
        columns: [
          id(),
          reference('hotline_id'),
          reference('call_id'),
          text('caller_number_encrypted'),
          varchar('caller_hash', 64),
          varchar('reason', 16),
          instant('requested_at'),
          varchar('for_date', 10),
          instant('done_at', true),
          reference('done_by', true),
        ],
        indices: [
          { name: 'uq_callback_request_call_id', columnNames: ['call_id'], isUnique: true },
          {
            name: 'idx_callback_request_hotline_id_for_date',
            columnNames: ['hotline_id', 'for_date'],
          },
        ],
        foreignKeys: [
          foreignKey('callback_request', 'hotline_id', 'hotline'),
          foreignKey('callback_request', 'call_id', 'phone_call'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'presence_change',
        columns: [
          id(),
          reference('hotline_id'),
          reference('volunteer_id'),
          varchar('state', 16),
          instant('changed_at'),
        ],
        indices: [
          {
            name: 'idx_presence_change_volunteer_id_changed_at',
            columnNames: ['volunteer_id', 'changed_at'],
          },
          {
            name: 'idx_presence_change_hotline_id_changed_at',
            columnNames: ['hotline_id', 'changed_at'],
          },
        ],
        foreignKeys: [
          foreignKey('presence_change', 'hotline_id', 'hotline'),
          foreignKey('presence_change', 'volunteer_id', 'volunteer'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('presence_change');
    await queryRunner.dropTable('callback_request');
    await queryRunner.dropTable('call_offer');
    await queryRunner.dropTable('phone_call');
  }
}
