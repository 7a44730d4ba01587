import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * A volunteer's last presence on a hotline found with one index seek: the routing check asks
 * it of every volunteer on duty, and the restart of every volunteer ever recorded.
 */
export class PresenceSeek1765800000000 implements MigrationInterface {
  name = 'PresenceSeek1765800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'presence_change',
      new TableIndex({
        name: 'idx_presence_change_volunteer_id_hotline_id_changed_at',
        columnNames: ['volunteer_id', 'hotline_id', 'changed_at'],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex(
      'presence_change',
      'idx_presence_change_volunteer_id_hotline_id_changed_at',
    );
  }
}
