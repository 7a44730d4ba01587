import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { integer, varchar } from './columns';

/**
 * The routing leader's fence: the lease epoch of the last leader that wrote, one row for the
 * deployment, starting at 0 (see `RoutingFence`).
 */
export class RoutingEpoch1764950000000 implements MigrationInterface {
  name = 'RoutingEpoch1764950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'routing_epoch',
        columns: [{ ...varchar('id', 16), isPrimary: true }, integer('epoch')],
      }),
    );
    await queryRunner.query(`INSERT INTO routing_epoch (id, epoch) VALUES ('routing', 0)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('routing_epoch');
  }
}
