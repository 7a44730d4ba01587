import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { foreignKey, id, instant, reference, varchar } from './columns';

/**
 * Crisis alerts are stored, so they last until a supervisor acknowledges them, through
 * restarts and a change of routing leader.
 */
export class CrisisAlerts1764820000000 implements MigrationInterface {
  name = 'CrisisAlerts1764820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'crisis_alert',
        columns: [
          id(),
          reference('hotline_id'),
          reference('case_id'),
          reference('call_id', true),
          varchar('reason', 16),
          instant('raised_at'),
          instant('last_raised_at'),
          instant('texted_at', true),
          reference('acknowledged_by', true),
          instant('acknowledged_at', true),
          instant('resolved_at', true),
          varchar('resolution', 16, true),
        ],
        indices: [
          {
            name: 'uq_crisis_alert_case_id_reason',
            columnNames: ['case_id', 'reason'],
            isUnique: true,
          },
          {
            name: 'idx_crisis_alert_hotline_id_acknowledged_at',
            columnNames: ['hotline_id', 'acknowledged_at'],
          },
          {
            name: 'idx_crisis_alert_acknowledged_at_resolved_at',
            columnNames: ['acknowledged_at', 'resolved_at'],
          },
        ],
        foreignKeys: [
          foreignKey('crisis_alert', 'hotline_id', 'hotline'),
          foreignKey('crisis_alert', 'case_id', 'crisis_case'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('crisis_alert');
  }
}
