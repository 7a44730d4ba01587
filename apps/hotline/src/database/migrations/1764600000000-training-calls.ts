import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/** Practice calls rung on one volunteer's console: kept apart from real calls everywhere. */
export class TrainingCalls1764600000000 implements MigrationInterface {
  name = 'TrainingCalls1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'phone_call',
      // Written as the entity's `default: false` reads back on both databases.
      new TableColumn({ name: 'training', type: 'boolean', default: 0 }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('phone_call', 'training');
  }
}
