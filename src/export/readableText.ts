// How a register reads to a person in the evidence pack's Markdown: names rather than ids, labels
// rather than stored codes, dates in the organisation's time zone, one table with the columns an
// auditor reads. The CSV and JSON beside it keep every stored column as it is.

/** Dates kept without a time of day (due dates, review dates): read as the calendar day they name. */
export function dayText(value: unknown): string {
  if (!(value instanceof Date)) return "";
  return value.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

/** A moment (reported at, changed at): the day and time in the organisation's time zone. */
export function momentText(value: unknown, timeZone: string): string {
  if (!(value instanceof Date)) return "";
  return value.toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone });
}

/** A stored code as its label; an unknown or empty code reads as it is. */
export function labelled<K extends string>(labels: Record<K, string>, value: unknown): string {
  if (value === null || value === undefined || value === "") return "";
  return labels[value as K] ?? String(value);
}

export const listText = <K extends string>(labels: Record<K, string>, values: unknown) => (Array.isArray(values) ? values.map((value) => labelled(labels, value)).join(", ") : "");
export const yesNo = (value: unknown) => (value === true ? "Yes" : value === false ? "No" : "");
export const plain = (value: unknown) => (value === null || value === undefined ? "" : Array.isArray(value) ? value.join("; ") : String(value));
/** Long free text shortened in the table (the full text is in the CSV and JSON). */
export const shortened = (value: unknown, length = 160) => {
  const text = plain(value).replace(/\s+/g, " ").trim();
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
};

export interface ReadingColumn<Row = Record<string, unknown>> {
  header: string;
  cell(row: Row, timeZone: string): string;
}

const escapeCell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");

/** A Markdown table of the reading columns, or a sentence when there is nothing to show. */
export function readingTable<Row>(columns: ReadingColumn<Row>[], rows: Row[], timeZone: string, empty = "None recorded yet."): string {
  if (rows.length === 0) return `${empty}\n`;
  return (
    [
      `| ${columns.map((column) => column.header).join(" | ")} |`,
      `| ${columns.map(() => "---").join(" | ")} |`,
      ...rows.map((row) => `| ${columns.map((column) => escapeCell(column.cell(row, timeZone))).join(" | ")} |`),
    ].join("\n") + "\n"
  );
}

/** Matches a UUID anywhere in a text: the pack's Markdown must name people and records, never ids. */
export const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
