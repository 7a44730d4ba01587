import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { foreignKey, id, instant, integer, reference, text, varchar } from './columns';

/** Contact records and their topics, crisis cases, partners, note retention, audit origin. */
export class Contacts1764200000000 implements MigrationInterface {
  name = 'Contacts1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'hotline',
      new TableColumn({ ...integer('note_retention_days'), default: 365 }),
    );
    await queryRunner.addColumn('audit_event', new TableColumn(varchar('origin', 64, true)));
    // Retention clears a done call-back's number.
    await queryRunner.changeColumn(
      'callback_request',
      'caller_number_encrypted',
      new TableColumn(text('caller_number_encrypted', true)),
    );

    await queryRunner.createTable(
      new Table({
        name: 'contact',
        columns: [
          id(),
          reference('hotline_id'),
          varchar('channel', 16),
          reference('call_id', true),
          reference('volunteer_id'),
          reference('recorded_by'),
          instant('occurred_at'),
          integer('duration_minutes', true),
          varchar('caller_type', 16, true),
          varchar('age_band', 16, true),
          varchar('grade', 16, true),
          varchar('gender', 16, true),
          varchar('district', 40, true),
          varchar('primary_topic', 64, true),
          varchar('risk_level', 16, true),
          varchar('outcome', 32, true),
          text('notes_encrypted', true),
          instant('notes_cleared_at', true),
          varchar('caller_hash', 64, true),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [
          { name: 'uq_contact_call_id', columnNames: ['call_id'], isUnique: true },
          {
            name: 'idx_contact_hotline_id_occurred_at',
            columnNames: ['hotline_id', 'occurred_at'],
          },
          {
            name: 'idx_contact_volunteer_id_occurred_at',
            columnNames: ['volunteer_id', 'occurred_at'],
          },
          {
            name: 'idx_contact_hotline_id_caller_hash',
            columnNames: ['hotline_id', 'caller_hash'],
          },
        ],
        foreignKeys: [
          foreignKey('contact', 'hotline_id', 'hotline'),
          foreignKey('contact', 'volunteer_id', 'volunteer'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'contact_topic',
        columns: [
          { ...reference('contact_id'), isPrimary: true },
          { ...varchar('topic_key', 64), isPrimary: true },
          { name: 'is_primary', type: 'boolean' },
        ],
        indices: [{ name: 'idx_contact_topic_topic_key', columnNames: ['topic_key'] }],
        foreignKeys: [foreignKey('contact_topic', 'contact_id', 'contact')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'partner',
        columns: [
          id(),
          reference('hotline_id'),
          varchar('kind', 16),
          varchar('name', 120),
          varchar('phone', 32, true),
          varchar('address', 200, true),
          { name: 'active', type: 'boolean' },
          instant('created_at'),
          instant('updated_at'),
        ],
        foreignKeys: [foreignKey('partner', 'hotline_id', 'hotline')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'crisis_case',
        columns: [
          id(),
          reference('hotline_id'),
          varchar('trigger', 16),
          varchar('risk_level', 16, true),
          reference('call_id', true),
          reference('contact_id', true),
          instant('opened_at'),
          reference('supervisor_id', true),
          reference('partner_id', true),
          instant('referred_at', true),
          text('referral_note_encrypted', true),
          instant('report_due_at'),
          text('report_encrypted', true),
          instant('report_filed_at', true),
          reference('report_filed_by', true),
          instant('overdue_alerted_at', true),
          instant('closed_at', true),
          reference('closed_by', true),
          text('closing_note_encrypted', true),
          instant('updated_at'),
        ],
        indices: [
          { name: 'uq_crisis_case_call_id', columnNames: ['call_id'], isUnique: true },
          { name: 'uq_crisis_case_contact_id', columnNames: ['contact_id'], isUnique: true },
          {
            name: 'idx_crisis_case_hotline_id_opened_at',
            columnNames: ['hotline_id', 'opened_at'],
          },
          { name: 'idx_crisis_case_report_due_at', columnNames: ['report_due_at'] },
        ],
        foreignKeys: [
          foreignKey('crisis_case', 'hotline_id', 'hotline'),
          foreignKey('crisis_case', 'partner_id', 'partner'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'crisis_follow_up',
        columns: [
          id(),
          reference('case_id'),
          reference('author_id'),
          instant('at'),
          text('note_encrypted', true),
        ],
        indices: [{ name: 'idx_crisis_follow_up_case_id_at', columnNames: ['case_id', 'at'] }],
        foreignKeys: [foreignKey('crisis_follow_up', 'case_id', 'crisis_case')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'crisis_follow_up',
      'crisis_case',
      'partner',
      'contact_topic',
      'contact',
    ]) {
      await queryRunner.dropTable(table);
    }
    await queryRunner.changeColumn(
      'callback_request',
      'caller_number_encrypted',
      new TableColumn(text('caller_number_encrypted')),
    );
    await queryRunner.dropColumn('audit_event', 'origin');
    await queryRunner.dropColumn('hotline', 'note_retention_days');
  }
}
