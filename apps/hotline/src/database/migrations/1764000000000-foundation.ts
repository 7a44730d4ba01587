import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { id, instant, reference, text, varchar } from './columns';

/** Hotlines, the people who work for them, and the audit trail. Table API only: runs on SQLite and MySQL. */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'hotline',
        columns: [
          id(),
          varchar('name', 120),
          varchar('phone_number', 32, true),
          varchar('time_zone', 64),
          varchar('locale', 10),
          text('opening_hours'),
          text('closures'),
          text('closed_message'),
          text('routing'),
          instant('created_at'),
          instant('updated_at'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'volunteer',
        columns: [
          id(),
          varchar('name', 120),
          varchar('email', 254),
          varchar('password_hash', 255),
          text('phone_encrypted', true),
          varchar('expert_kind', 32),
          text('topic_skills'),
          text('languages'),
          text('roles'),
          varchar('softphone_identity', 64),
          varchar('answer_by', 16),
          { name: 'active', type: 'boolean' },
          instant('created_at'),
          instant('updated_at'),
          instant('deactivated_at', true),
        ],
        indices: [
          { name: 'uq_volunteer_email', columnNames: ['email'], isUnique: true },
          {
            name: 'uq_volunteer_softphone_identity',
            columnNames: ['softphone_identity'],
            isUnique: true,
          },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'volunteer_hotline',
        columns: [
          { ...reference('volunteer_id'), isPrimary: true },
          { ...reference('hotline_id'), isPrimary: true },
        ],
        indices: [
          { name: 'idx_volunteer_hotline_volunteer_id', columnNames: ['volunteer_id'] },
          { name: 'idx_volunteer_hotline_hotline_id', columnNames: ['hotline_id'] },
        ],
        foreignKeys: [
          {
            name: 'fk_volunteer_hotline_volunteer_id',
            columnNames: ['volunteer_id'],
            referencedTableName: 'volunteer',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'CASCADE',
          },
          {
            name: 'fk_volunteer_hotline_hotline_id',
            columnNames: ['hotline_id'],
            referencedTableName: 'hotline',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'CASCADE',
          },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'audit_event',
        columns: [
          id(),
          instant('occurred_at'),
          reference('actor_id', true),
          varchar('action', 64),
          varchar('subject_type', 32),
          reference('subject_id'),
          reference('hotline_id', true),
        ],
        indices: [
          { name: 'idx_audit_event_subject', columnNames: ['subject_type', 'subject_id'] },
          { name: 'idx_audit_event_occurred_at', columnNames: ['occurred_at'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_event');
    await queryRunner.dropTable('volunteer_hotline');
    await queryRunner.dropTable('volunteer');
    await queryRunner.dropTable('hotline');
  }
}
