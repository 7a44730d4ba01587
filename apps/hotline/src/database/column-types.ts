import type { ColumnOptions } from 'typeorm';

/** Instants: millisecond precision, always written and read as UTC (see the data-source options). */
export const DATETIME = { type: 'datetime', precision: 3 } satisfies ColumnOptions;
