import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * Each hotline names the voice and language its prompts are spoken in: Twilio's default voice
 * speaks no Chinese. Existing hotlines get their locale's default voice.
 */
export class SayVoice1764700000000 implements MigrationInterface {
  name = 'SayVoice1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('hotline', [
      new TableColumn({
        name: 'say_voice',
        type: 'varchar',
        length: '64',
        default: "'Polly.Zhiyu-Neural'",
      }),
      new TableColumn({ name: 'say_language', type: 'varchar', length: '16', default: "'cmn-CN'" }),
    ]);
    await queryRunner.query(
      `UPDATE hotline SET say_voice = 'Polly.Joanna-Neural', say_language = 'en-US' WHERE locale = 'en'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumns('hotline', ['say_voice', 'say_language']);
  }
}
