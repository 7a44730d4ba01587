import { TableColumnOptions, TableForeignKeyOptions } from 'typeorm';

// Column shapes shared by migrations. Never change one: old migrations must keep building
// the schema they always built. Add a new helper instead.

export const id = (name = 'id'): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isPrimary: true,
});
export const reference = (name: string, isNullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isNullable,
});
export const instant = (name: string, isNullable = false): TableColumnOptions => ({
  name,
  type: 'datetime',
  precision: 3,
  isNullable,
});
export const text = (name: string, isNullable = false): TableColumnOptions => ({
  name,
  type: 'text',
  isNullable,
});
export const varchar = (name: string, length: number, isNullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable,
});

// 'integer' is how both SQLite and MySQL report an int column back.
export const integer = (name: string, isNullable = false): TableColumnOptions => ({
  name,
  type: 'integer',
  isNullable,
});

/** A foreign key named as the naming strategy names it; RESTRICT both ways, as the entities declare. */
export const foreignKey = (
  table: string,
  column: string,
  referencedTableName: string,
): TableForeignKeyOptions => ({
  name: `fk_${table}_${column}`,
  columnNames: [column],
  referencedTableName,
  referencedColumnNames: ['id'],
  onDelete: 'RESTRICT',
  onUpdate: 'RESTRICT',
});
