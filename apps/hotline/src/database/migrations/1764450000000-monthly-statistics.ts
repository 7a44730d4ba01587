import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { integer, reference, varchar } from './columns';

/** Monthly statistics rollups beside the daily ones, filled from the daily ones. */
export class MonthlyStatistics1764450000000 implements MigrationInterface {
  name = 'MonthlyStatistics1764450000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'stats_month',
        columns: [
          { ...reference('hotline_id'), isPrimary: true },
          { ...varchar('month', 7), isPrimary: true },
          { ...varchar('metric', 32), isPrimary: true },
          { ...varchar('bucket', 64), isPrimary: true },
          integer('count'),
          integer('total'),
          integer('peak'),
        ],
      }),
    );
    await queryRunner.query(
      'INSERT INTO `stats_month` (`hotline_id`, `month`, `metric`, `bucket`, `count`, `total`, `peak`) ' +
        'SELECT `hotline_id`, SUBSTR(`day`, 1, 7), `metric`, `bucket`, SUM(`count`), SUM(`total`), MAX(`peak`) ' +
        'FROM `stats_day` GROUP BY `hotline_id`, SUBSTR(`day`, 1, 7), `metric`, `bucket`',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('stats_month');
  }
}
