import { DefaultNamingStrategy, Table } from 'typeorm';

/**
 * Readable, deterministic constraint names (`idx_volunteer_hotline_hotline_id`) instead of
 * hashes, so that migrations written by hand name things exactly as the entities do.
 */
export class HotlineNamingStrategy extends DefaultNamingStrategy {
  override indexName(tableOrName: Table | string, columnNames: string[]): string {
    return `idx_${this.getTableName(tableOrName)}_${columnNames.join('_')}`;
  }

  override uniqueConstraintName(tableOrName: Table | string, columnNames: string[]): string {
    return `uq_${this.getTableName(tableOrName)}_${columnNames.join('_')}`;
  }

  override foreignKeyName(tableOrName: Table | string, columnNames: string[]): string {
    return `fk_${this.getTableName(tableOrName)}_${columnNames.join('_')}`;
  }
}
