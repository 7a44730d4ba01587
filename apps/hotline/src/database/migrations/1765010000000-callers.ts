import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { foreignKey, id, instant, reference, text, varchar } from './columns';

/**
 * Callers a hotline refuses or knows: blocks with an expiry, profiles (flags and an encrypted
 * guidance note) per keyed number hash; a call refused on arrival (`refusal`); and a contact's
 * type, so non-counselling contacts (silent, prank, ...) are counted apart.
 */
export class Callers1765010000000 implements MigrationInterface {
  name = 'Callers1765010000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'caller_block',
        columns: [
          id(),
          reference('hotline_id'),
          varchar('subject_kind', 16),
          varchar('subject_hash', 64),
          varchar('reason', 16),
          reference('blocked_by'),
          instant('blocked_at'),
          instant('expires_at', true),
          instant('lifted_at', true),
          reference('lifted_by', true),
        ],
        indices: [
          {
            name: 'idx_caller_block_hotline_id_subject_hash',
            columnNames: ['hotline_id', 'subject_hash'],
          },
          {
            name: 'idx_caller_block_lifted_at_expires_at',
            columnNames: ['lifted_at', 'expires_at'],
          },
        ],
        foreignKeys: [foreignKey('caller_block', 'hotline_id', 'hotline')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'caller_profile',
        columns: [
          id(),
          reference('hotline_id'),
          varchar('caller_hash', 64),
          varchar('flags', 200),
          text('guidance_encrypted', true),
          reference('updated_by'),
          instant('updated_at'),
        ],
        indices: [
          {
            name: 'uq_caller_profile_hotline_id_caller_hash',
            columnNames: ['hotline_id', 'caller_hash'],
            isUnique: true,
          },
        ],
        foreignKeys: [foreignKey('caller_profile', 'hotline_id', 'hotline')],
      }),
    );
    await queryRunner.addColumn('phone_call', new TableColumn(varchar('refusal', 16, true)));
    await queryRunner.addColumn(
      'contact',
      new TableColumn({ ...varchar('contact_type', 16), default: "'counselling'" }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('contact', 'contact_type');
    await queryRunner.dropColumn('phone_call', 'refusal');
    await queryRunner.dropTable('caller_profile');
    await queryRunner.dropTable('caller_block');
  }
}
