import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { foreignKey, id, instant, integer, reference, text, varchar } from './columns';

const boolean = (name: string) => ({ name, type: 'boolean' });

/** Face-to-face bookings: settings, rooms, availability, bookings, time claims, the waitlist. */
export class Bookings1764500000000 implements MigrationInterface {
  name = 'Bookings1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'booking_settings',
        columns: [
          { ...reference('hotline_id'), isPrimary: true },
          integer('session_minutes'),
          integer('buffer_minutes'),
          integer('min_notice_hours'),
          integer('horizon_days'),
          integer('change_cutoff_hours'),
          integer('offer_hold_minutes'),
          varchar('centre_address', 300, true),
          instant('updated_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'room',
        columns: [
          id(),
          reference('hotline_id'),
          varchar('name', 80),
          boolean('active'),
          instant('created_at'),
          instant('updated_at'),
        ],
        foreignKeys: [foreignKey('room', 'hotline_id', 'hotline')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'expert_availability',
        columns: [
          id(),
          reference('hotline_id'),
          reference('volunteer_id'),
          integer('weekday'),
          varchar('start_time', 5),
          varchar('end_time', 5),
          instant('created_at'),
        ],
        indices: [
          {
            name: 'idx_expert_availability_hotline_id_volunteer_id',
            columnNames: ['hotline_id', 'volunteer_id'],
          },
        ],
        foreignKeys: [foreignKey('expert_availability', 'hotline_id', 'hotline')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'availability_date',
        columns: [
          id(),
          reference('hotline_id'),
          reference('volunteer_id', true),
          varchar('local_date', 10),
          varchar('start_time', 5, true),
          varchar('end_time', 5, true),
          varchar('reason', 120, true),
          instant('created_at'),
        ],
        indices: [
          {
            name: 'idx_availability_date_hotline_id_local_date',
            columnNames: ['hotline_id', 'local_date'],
          },
        ],
        foreignKeys: [foreignKey('availability_date', 'hotline_id', 'hotline')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'booking',
        columns: [
          id(),
          reference('hotline_id'),
          varchar('reference', 12),
          varchar('status', 16),
          reference('expert_id'),
          reference('room_id'),
          instant('starts_at'),
          instant('ends_at'),
          integer('buffer_minutes'),
          varchar('local_date', 10),
          varchar('topic', 64),
          text('parent_name_encrypted', true),
          text('phone_encrypted', true),
          varchar('phone_hash', 64, true),
          text('description_encrypted', true),
          varchar('child_age_band', 16, true),
          varchar('child_grade', 16, true),
          varchar('language', 5),
          varchar('manage_token_hash', 64, true),
          reference('call_id', true),
          reference('booked_by', true),
          boolean('needs_call'),
          varchar('confirmation_sid', 64, true),
          varchar('reminder_sid', 64, true),
          varchar('sms_status', 16, true),
          instant('reminded_at', true),
          instant('held_until', true),
          instant('cancelled_at', true),
          reference('contact_id', true),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [
          { name: 'uq_booking_reference', columnNames: ['reference'], isUnique: true },
          {
            name: 'uq_booking_manage_token_hash',
            columnNames: ['manage_token_hash'],
            isUnique: true,
          },
          { name: 'idx_booking_hotline_id_local_date', columnNames: ['hotline_id', 'local_date'] },
          { name: 'idx_booking_expert_id_starts_at', columnNames: ['expert_id', 'starts_at'] },
          { name: 'idx_booking_status_starts_at', columnNames: ['status', 'starts_at'] },
          { name: 'idx_booking_confirmation_sid', columnNames: ['confirmation_sid'] },
          { name: 'idx_booking_reminder_sid', columnNames: ['reminder_sid'] },
        ],
        foreignKeys: [foreignKey('booking', 'hotline_id', 'hotline')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'booking_claim',
        columns: [
          { ...reference('resource_id'), isPrimary: true },
          { ...integer('at_minute'), isPrimary: true },
          reference('booking_id'),
        ],
        indices: [{ name: 'idx_booking_claim_booking_id', columnNames: ['booking_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'booking_waitlist',
        columns: [
          id(),
          reference('hotline_id'),
          varchar('local_date', 10),
          varchar('topic', 64),
          varchar('status', 16),
          varchar('queue_key', 48),
          text('parent_name_encrypted'),
          text('phone_encrypted'),
          varchar('phone_hash', 64),
          varchar('child_age_band', 16, true),
          varchar('child_grade', 16, true),
          varchar('language', 5),
          varchar('offer_token_hash', 64, true),
          reference('offer_booking_id', true),
          instant('offer_expires_at', true),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [
          {
            name: 'idx_booking_waitlist_hotline_id_local_date_status',
            columnNames: ['hotline_id', 'local_date', 'status'],
          },
          {
            name: 'uq_booking_waitlist_offer_token_hash',
            columnNames: ['offer_token_hash'],
            isUnique: true,
          },
        ],
        foreignKeys: [foreignKey('booking_waitlist', 'hotline_id', 'hotline')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'booking_waitlist',
      'booking_claim',
      'booking',
      'availability_date',
      'expert_availability',
      'room',
      'booking_settings',
    ])
      await queryRunner.dropTable(table);
  }
}
