import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { varchar } from './columns';

/** A crisis caller nobody could take is forwarded to the crisis line: the call keeps where to. */
export class CrisisForwarding1764800000000 implements MigrationInterface {
  name = 'CrisisForwarding1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('phone_call', new TableColumn(varchar('forwarded_to', 32, true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('phone_call', 'forwarded_to');
  }
}
