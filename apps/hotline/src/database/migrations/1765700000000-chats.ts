import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { foreignKey, id, instant, integer, reference, text, varchar } from './columns';

/**
 * Live chat: the conversations (their resume token and device only as keyed hashes), their
 * messages (encrypted), the offers of them to volunteers and the supervisors who joined them;
 * a contact record and a crisis case may come from a chat; a message left outside opening
 * hours joins the call-back list; the hotline's chat settings.
 */
export class Chats1765700000000 implements MigrationInterface {
  name = 'Chats1765700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'chat',
        columns: [
          id(),
          reference('hotline_id'),
          varchar('token_hash', 64),
          varchar('device_hash', 64),
          varchar('caller_type', 16),
          varchar('topic', 64),
          varchar('priority', 16),
          varchar('language', 10),
          varchar('status', 16),
          varchar('outcome', 24, true),
          varchar('end_reason', 16, true),
          varchar('refusal', 16, true),
          reference('volunteer_id', true),
          integer('offer_count'),
          instant('arrived_at'),
          instant('first_offered_at', true),
          instant('answered_at', true),
          instant('ended_at', true),
          integer('wait_seconds', true),
          integer('talk_seconds', true),
          instant('idle_checked_at', true),
          instant('writer_left_at', true),
          instant('crisis_line_at', true),
          instant('transcript_cleared_at', true),
          instant('updated_at'),
        ],
        indices: [
          { name: 'uq_chat_token_hash', columnNames: ['token_hash'], isUnique: true },
          { name: 'idx_chat_hotline_id_status', columnNames: ['hotline_id', 'status'] },
          { name: 'idx_chat_hotline_id_arrived_at', columnNames: ['hotline_id', 'arrived_at'] },
          { name: 'idx_chat_volunteer_id_status', columnNames: ['volunteer_id', 'status'] },
          // The chats not over, whichever hotline: the watch reads them every few seconds.
          { name: 'idx_chat_status_arrived_at', columnNames: ['status', 'arrived_at'] },
        ],
        foreignKeys: [
          foreignKey('chat', 'hotline_id', 'hotline'),
          foreignKey('chat', 'volunteer_id', 'volunteer'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'chat_message',
        columns: [
          // The order messages arrived in, across instances (two may share a millisecond).
          {
            name: 'seq',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          reference('id'),
          reference('chat_id'),
          varchar('sender', 16),
          reference('author_id', true),
          text('text_encrypted'),
          instant('sent_at'),
        ],
        indices: [
          { name: 'uq_chat_message_id', columnNames: ['id'], isUnique: true },
          { name: 'idx_chat_message_chat_id_seq', columnNames: ['chat_id', 'seq'] },
        ],
        foreignKeys: [foreignKey('chat_message', 'chat_id', 'chat')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'chat_offer',
        columns: [
          id(),
          reference('chat_id'),
          reference('volunteer_id'),
          instant('offered_at'),
          instant('expires_at'),
          varchar('result', 16, true),
          instant('ended_at', true),
        ],
        indices: [
          { name: 'idx_chat_offer_chat_id', columnNames: ['chat_id'] },
          {
            name: 'idx_chat_offer_volunteer_id_offered_at',
            columnNames: ['volunteer_id', 'offered_at'],
          },
        ],
        foreignKeys: [
          foreignKey('chat_offer', 'chat_id', 'chat'),
          foreignKey('chat_offer', 'volunteer_id', 'volunteer'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'chat_participant',
        columns: [
          id(),
          reference('chat_id'),
          reference('volunteer_id'),
          instant('joined_at'),
          instant('left_at', true),
        ],
        indices: [
          { name: 'idx_chat_participant_chat_id', columnNames: ['chat_id'] },
          {
            name: 'idx_chat_participant_volunteer_id_left_at',
            columnNames: ['volunteer_id', 'left_at'],
          },
        ],
        foreignKeys: [
          foreignKey('chat_participant', 'chat_id', 'chat'),
          foreignKey('chat_participant', 'volunteer_id', 'volunteer'),
        ],
      }),
    );
    for (const table of ['contact', 'crisis_case', 'crisis_alert'])
      await queryRunner.addColumn(table, new TableColumn(reference('chat_id', true)));
    await queryRunner.createIndex(
      'contact',
      new TableIndex({ name: 'uq_contact_chat_id', columnNames: ['chat_id'], isUnique: true }),
    );
    await queryRunner.createIndex(
      'crisis_case',
      new TableIndex({ name: 'uq_crisis_case_chat_id', columnNames: ['chat_id'], isUnique: true }),
    );
    // A message left on the chat page has no call behind it.
    await callIdNullable(queryRunner, true);
    await queryRunner.addColumns('callback_request', [
      new TableColumn(text('message_encrypted', true)),
      new TableColumn(varchar('caller_type', 16, true)),
      new TableColumn(varchar('topic', 64, true)),
    ]);
    await queryRunner.addColumn('hotline', new TableColumn(text('chat_settings', true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('hotline', 'chat_settings');
    await queryRunner.dropColumns('callback_request', [
      'message_encrypted',
      'caller_type',
      'topic',
    ]);
    await queryRunner.query('DELETE FROM callback_request WHERE call_id IS NULL');
    await callIdNullable(queryRunner, false);
    await queryRunner.dropIndex('crisis_case', 'uq_crisis_case_chat_id');
    await queryRunner.dropIndex('contact', 'uq_contact_chat_id');
    for (const table of ['crisis_alert', 'crisis_case', 'contact'])
      await queryRunner.dropColumn(table, 'chat_id');
    await queryRunner.dropTable('chat_participant');
    await queryRunner.dropTable('chat_offer');
    await queryRunner.dropTable('chat_message');
    await queryRunner.dropTable('chat');
  }
}

/**
 * MySQL changes the column in place (TypeORM's changeColumn would drop the unique index the
 * foreign key needs); SQLite has no ALTER COLUMN, and TypeORM rebuilds its table.
 */
async function callIdNullable(queryRunner: QueryRunner, nullable: boolean): Promise<void> {
  if (queryRunner.connection.options.type === 'better-sqlite3')
    return queryRunner.changeColumn(
      'callback_request',
      'call_id',
      new TableColumn(reference('call_id', nullable)),
    );
  await queryRunner.query(
    `ALTER TABLE \`callback_request\` MODIFY \`call_id\` varchar(36) ${nullable ? 'NULL' : 'NOT NULL'}`,
  );
}
