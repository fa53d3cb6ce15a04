import type { Cell, DataTable, ExportFormat } from '@ccas/shared';
import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/** A table written as a file: CSV for any tool, XLSX for Excel (docs/decisions/012-dashboards.md). */
export interface TableFile {
  content: Buffer;
  type: string;
  extension: ExportFormat;
}

const BOM = '\uFEFF';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * One CSV field: quoted when it holds a separator, a quote or a line break; a leading `=`, `+`, `-`,
 * `@` (or tab, carriage return) in a text is neutralised with an apostrophe, so that a spreadsheet
 * never runs it as a formula.
 */
export function csvField(value: Cell | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line as French Excel reads it: `;` between fields, CRLF at the end. */
export const csvLine = (fields: (Cell | undefined)[]): string => `${fields.map(csvField).join(';')}\r\n`;

/** Numbers in a French CSV use a decimal comma (Excel set to French reads `66,7`, not `66.7`). */
const frenchCell = (value: Cell): Cell => (typeof value === 'number' ? String(value).replace('.', ',') : value);

export function csvFile(table: DataTable): TableFile {
  const text = BOM + csvLine(table.columns) + table.rows.map((row) => csvLine(row.map(frenchCell))).join('');
  return { content: Buffer.from(text, 'utf8'), type: 'text/csv; charset=utf-8', extension: 'csv' };
}

/** Excel refuses these characters in sheet names, and names over 31 characters. */
const sheetName = (title: string) => title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

/** A workbook of one sheet per table: bold, frozen header row, columns as wide as their contents. */
export async function xlsxFile(tables: DataTable[]): Promise<TableFile> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CCAS';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.title));
    sheet.addRow(table.columns).font = { bold: true };
    sheet.addRows(table.rows);
    sheet.columns.forEach((column, index) => {
      const widest = Math.max(table.columns[index].length, ...table.rows.map((row) => String(row[index] ?? '').length));
      column.width = Math.min(60, widest + 2);
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return {
    content: Buffer.from(await workbook.xlsx.writeBuffer()),
    type: XLSX_TYPE,
    extension: 'xlsx',
  };
}

export const tableFile = (table: DataTable, format: ExportFormat): Promise<TableFile> | TableFile => (format === 'csv' ? csvFile(table) : xlsxFile([table]));


/** A long list as a file written while its rows are read, batch after batch: memory stays flat. */
export interface StreamedFile {
  stream: Readable;
  type: string;
  extension: ExportFormat;
}

/**
 * One style object shared by every data cell: exceljs otherwise gives each cell its own `{}`, then
 * renders it to XML to find its style id again: half the XLSX export's time, and its garbage. (exceljs
 * caches the id by object: fine while cells are texts and numbers without formats — a date cell
 * would need its own style.)
 */
const PLAIN: Partial<ExcelJS.Style> = {};

/**
 * Where exceljs (4.4) writes a sheet's XML for archiver to compress (internals). It ignores that
 * stream's backpressure, and only compressed bytes reach our output: while the compression lags
 * behind, tens of MB of XML wait there, unseen by `output.writableNeedDrain`. A `readable-stream`
 * 2 stream, without `writableNeedDrain`: hence `_writableState`.
 */
type SheetEntry = NodeJS.EventEmitter & { _writableState?: { needDrain: boolean } };
const sheetEntry = (sheet: ExcelJS.Worksheet) => (sheet as unknown as { stream: { pipes?: SheetEntry[] } }).stream.pipes?.[0];

/** Waits for `stream` to drain: true, or false when `output` closes first (the download was abandoned). */
async function drained(stream: NodeJS.EventEmitter, output: PassThrough): Promise<boolean> {
  if (output.destroyed) return false;
  const stop = new AbortController();
  const waits = [once(stream, 'drain', { signal: stop.signal }).then(() => true), once(output, 'close', { signal: stop.signal }).then(() => false)];
  for (const wait of waits) wait.catch(() => undefined); // the one that loses is aborted below
  try {
    return await Promise.race(waits);
  } finally {
    stop.abort();
  }
}

export function streamedFile(title: string, columns: string[], batches: AsyncIterable<Cell[][]>, format: ExportFormat): StreamedFile {
  if (format === 'csv') {
    const lines = async function* () {
      yield BOM + csvLine(columns);
      for await (const rows of batches) yield rows.map((row) => csvLine(row.map(frenchCell))).join('');
    };
    return { stream: Readable.from(lines()), type: 'text/csv; charset=utf-8', extension: 'csv' };
  }
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName(title), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((header) => ({ header, width: Math.min(40, header.length + 8) }));
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    try {
      for await (const rows of batches) {
        for (const values of rows) {
          const row = sheet.addRow(values);
          row.eachCell((cell) => {
            cell.style = PLAIN;
          });
          row.commit();
          // exceljs writes without waiting for the reader: wait here, so that neither a slow
          // download nor the compression lagging behind piles the workbook up in memory. A
          // download abandoned meanwhile stops the writing (and the reading of the rows).
          const entry = sheetEntry(sheet);
          if (output.writableNeedDrain && !(await drained(output, output))) return;
          if (entry?._writableState?.needDrain && !(await drained(entry, output))) return;
        }
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      output.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  return { stream: output, type: XLSX_TYPE, extension: 'xlsx' };
}
