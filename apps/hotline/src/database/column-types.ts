import type { ColumnOptions, RelationOptions } from 'typeorm';

/** Instants: millisecond precision, always written and read as UTC (see the data-source options). */
export const DATETIME = { type: 'datetime', precision: 3 } satisfies ColumnOptions;

/** Ids are server-made UUIDs; a column holding one, or pointing at one. */
export const REFERENCE = { type: 'varchar', length: 36 } satisfies ColumnOptions;

/** Nothing that records point to is deleted or renumbered, so the database refuses both. */
export const RESTRICT = { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' } satisfies RelationOptions;
