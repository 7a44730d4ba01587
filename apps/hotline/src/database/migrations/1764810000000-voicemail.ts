import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { instant, integer, varchar } from './columns';

/**
 * Messages left by callers are kept with the call-back requests: Twilio's recording sid, its
 * length and when it was left. A caller without caller id can leave a message, so the
 * number's keyed hash may be missing.
 */
export class Voicemail1764810000000 implements MigrationInterface {
  name = 'Voicemail1764810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.changeColumn(
      'callback_request',
      'caller_hash',
      new TableColumn(varchar('caller_hash', 64, true)),
    );
    await queryRunner.addColumns('callback_request', [
      new TableColumn(varchar('recording_sid', 64, true)),
      new TableColumn(integer('recording_seconds', true)),
      new TableColumn(instant('recorded_at', true)),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumns('callback_request', [
      'recording_sid',
      'recording_seconds',
      'recorded_at',
    ]);
    await queryRunner.query('DELETE FROM callback_request WHERE caller_hash IS NULL');
    await queryRunner.changeColumn(
      'callback_request',
      'caller_hash',
      new TableColumn(varchar('caller_hash', 64)),
    );
  }
}
