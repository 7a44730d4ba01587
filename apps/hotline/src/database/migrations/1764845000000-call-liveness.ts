import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { instant } from './columns';

/**
 * Signs of life of a call, for its deadlines: when Twilio last fetched the hold loop for the
 * caller (`heard_at`) and when it fetched the dial to the accepted volunteer (`dial_started_at`).
 */
export class CallLiveness1764845000000 implements MigrationInterface {
  name = 'CallLiveness1764845000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('phone_call', [
      new TableColumn(instant('heard_at', true)),
      new TableColumn(instant('dial_started_at', true)),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('phone_call', 'dial_started_at');
    await queryRunner.dropColumn('phone_call', 'heard_at');
  }
}
