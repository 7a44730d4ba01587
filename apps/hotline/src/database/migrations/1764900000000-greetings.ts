import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { text } from './columns';

/**
 * A hotline may record its prompts (the welcome, the menus, the hold messages, the closed
 * message, the goodbye): the recordings' https URLs, by prompt. Existing hotlines have none and
 * go on speaking every prompt.
 */
export class Greetings1764900000000 implements MigrationInterface {
  name = 'Greetings1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('hotline', new TableColumn(text('greetings', true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('hotline', 'greetings');
  }
}
