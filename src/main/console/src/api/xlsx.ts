// .xlsx exports: the workbook is written by write-excel-file (its universal build: no Web Worker, so the console's
// CSP needs no worker source); this module only decides what each cell holds.
import writeExcelFile from 'write-excel-file/universal';
import type { Cell } from 'write-excel-file/universal';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A header row and the rows as cells: finite numbers stay numbers (they sum in Excel/WPS), empty values stay empty,
 * everything else is text — always typed as text, so a value like "=HYPERLINK(…)" is never written as a formula.
 */
export function sheetData(headers: string[], rows: unknown[][]): Cell[][] {
  return [headers, ...rows].map((row) => row.map((value): Cell => {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (value === null || value === undefined || value === '') return null;
    return { value: String(value), type: String };
  }));
}

/** One worksheet named `sheetName` (Excel allows 31 characters) with a header row and the rows. */
export function toXlsx(sheetName: string, headers: string[], rows: unknown[][]): Promise<Blob> {
  return writeExcelFile(sheetData(headers, rows), { sheet: sheetName.slice(0, 31) }).toBlob();
}
