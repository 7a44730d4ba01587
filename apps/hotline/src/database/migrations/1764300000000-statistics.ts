import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { integer, reference, varchar } from './columns';

/** Daily statistics rollups, and the wrap-up time of a phone contact. */
export class Statistics1764300000000 implements MigrationInterface {
  name = 'Statistics1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'stats_day',
        columns: [
          { ...reference('hotline_id'), isPrimary: true },
          { ...varchar('day', 10), isPrimary: true },
          { ...varchar('metric', 32), isPrimary: true },
          { ...varchar('bucket', 64), isPrimary: true },
          integer('count'),
          integer('total'),
          integer('peak'),
        ],
      }),
    );
    await queryRunner.addColumn('contact', new TableColumn(integer('wrap_up_seconds', true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('contact', 'wrap_up_seconds');
    await queryRunner.dropTable('stats_day');
  }
}
