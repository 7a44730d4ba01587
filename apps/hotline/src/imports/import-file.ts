import { BadRequestException } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import type { Sheet } from './import-sheet';

/** More rows than this in one file are refused: split the years into several files. */
export const MAX_IMPORT_ROWS = 200_000;

/**
 * A CSV (UTF-8, comma-separated) or XLSX file (its first worksheet) as rows of text. A date
 * cell of a worksheet is the local time it shows.
 */
export async function readImportFile(content: Buffer): Promise<Sheet> {
  const rows = isZip(content) ? await readWorkbook(content) : readCsv(content);
  if (rows.length - 1 > MAX_IMPORT_ROWS)
    throw new BadRequestException(
      `The file has ${rows.length - 1} rows; import at most ${MAX_IMPORT_ROWS} at a time (a year or two per file).`,
    );
  return rows;
}

const isZip = (content: Buffer) => content.length > 4 && content.readUInt32LE(0) === 0x04034b50;

function readCsv(content: Buffer): Sheet {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(content);
  if (text.includes('\uFFFD'))
    throw new BadRequestException(
      'The file is not UTF-8 text; save it from the spreadsheet as "CSV UTF-8" or as XLSX.',
    );
  try {
    return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as Sheet;
  } catch (error) {
    throw new BadRequestException(`The CSV cannot be read: ${(error as Error).message}`);
  }
}

async function readWorkbook(content: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new BadRequestException('The file is neither a CSV nor an XLSX workbook Excel can open.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new BadRequestException('The workbook has no worksheet.');
  const rows: Sheet = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: string[] = [];
    for (let index = 1; index <= sheet.columnCount; index += 1)
      cells.push(cellText(row.getCell(index)));
    rows[number - 1] = cells;
  });
  return Array.from(rows, (row) => row ?? []);
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  // Excel keeps the wall-clock time it shows; ExcelJS hands it over as that time in UTC.
  if (value instanceof Date)
    return DateTime.fromJSDate(value, { zone: 'utc' }).toFormat('yyyy-MM-dd HH:mm');
  if (value === null || value === undefined) return '';
  return cell.text;
}
