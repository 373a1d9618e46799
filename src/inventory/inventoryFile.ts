// Reads an inventory spreadsheet: CSV, or Excel (.xlsx) through read-excel-file, which parses the
// workbook in Node without network or native code. Either way: one object per row, by column title.
import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { readSheet } from "read-excel-file/node";

export class InventoryFileError extends Error {}

export async function readInventoryFile(file: string): Promise<Record<string, string>[]> {
  if (!fs.existsSync(file)) throw new InventoryFileError(`There is no file ${file}.`);
  const rows = /\.xlsx$/i.test(file) ? await readWorkbook(file) : readCsvFile(file);
  if (rows.length === 0) throw new InventoryFileError(`${file} has no rows to import.`);
  return rows;
}

function readCsvFile(file: string): Record<string, string>[] {
  try {
    return parse(fs.readFileSync(file, "utf8"), { columns: (header: string[]) => header.map((name) => name.trim()), skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    throw new InventoryFileError(`${file} is not a readable CSV file: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The first sheet; its first row holds the column titles. Dates and numbers become text. */
async function readWorkbook(file: string): Promise<Record<string, string>[]> {
  let sheet: unknown[][];
  try {
    sheet = (await readSheet(fs.readFileSync(file))) as unknown[][];
  } catch (error) {
    throw new InventoryFileError(`${file} is not a readable Excel workbook: ${error instanceof Error ? error.message : String(error)}`);
  }
  const [header = [], ...rows] = sheet;
  const titles = header.map((title) => String(title ?? "").trim());
  return rows
    .filter((row) => row.some((cell) => cell !== null && cell !== undefined && String(cell).trim() !== ""))
    .map((row) => Object.fromEntries(titles.map((title, index) => [title, cellText(row[index])])));
}

const cellText = (cell: unknown) => (cell === null || cell === undefined ? "" : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim());
