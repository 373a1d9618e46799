// A PDF's text, line by line as it is printed, with its headings marked as Markdown headings: the lines its
// bookmarks name, lines printed larger than the body text (nested by size), and short bold lines in the
// body's size above regular text. Running headers and footers, and a title wrapped or set under a small
// header, are put right first. pdfjs-dist is loaded only when a folder holds PDFs.
import fs from "node:fs/promises";
import type { PDFPageProxy } from "pdfjs-dist";

interface PrintedLine {
  text: string;
  /** The largest font size on the line, in points. */
  size: number;
  /** Every character of the line printed in a bold face (its font's name says so: "Calibri-Bold", "Arial,Bold"). */
  bold: boolean;
}

/**
 * The text of a PDF, one line per line of print (items on the same baseline joined). A short line printed
 * larger than the body text is a heading, numbered or not ("Approved tools" in 14 pt over 10 pt text), and is
 * marked as one; so is a short bold line in the body's own size followed by a line of text in a regular face
 * (a heading typed in bold, as Word and LibreOffice print a bold paragraph or a third-level heading), but not a
 * bold row over rows (a table's header), nor a numbered line, which the splitter places by its number. A PDF
 * with bookmarks says which lines are its headings, and how deep: those come first. The first line is left
 * to be the title.
 */
export async function pdfText(file: string): Promise<string> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const data = new Uint8Array(await fs.readFile(file));
  const pdf = await getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const printed: PrintedLine[][] = [];
  let bookmarks: Map<string, number>;
  try {
    for (let number = 1; number <= pdf.numPages; number++) printed.push(await printedLines(await pdf.getPage(number)));
    bookmarks = bookmarkDepths(await pdf.getOutline());
  } finally {
    await pdf.destroy();
  }
  const { pages, running } = withoutRunningLines(printed.map(joinWrappedHeadings));
  const lines = pages.flat();
  const body = bodySize(lines);
  const boldBody = boldShare(lines) >= 0.5;
  const larger = (line: PrintedLine) => line.size >= body * 1.15;
  const short = (line: PrintedLine) => line.text.length <= 120 && line.text.split(/\s+/).length <= (line.text.endsWith("?") ? 20 : 12) && !/[.,;]$/.test(line.text);
  const boldHeading = (line: PrintedLine, next: PrintedLine | undefined) => !boldBody && line.bold && !numbered.test(line.text) && line.size >= body * 0.95 && startsText(next);
  // A subtitle: the line under the title printed in a size nothing else is, left to join the title block.
  const subtitle = lines[1] && larger(lines[1]) && !lines.slice(2).some((line) => Math.round(line.size) === Math.round(lines[1]!.size)) ? lines[1] : undefined;
  // A running header or footer, once, below the title block: what a document says about itself belongs there.
  pages[0]?.splice(subtitle ? 2 : 1, 0, ...running);
  // Headings in larger print nest by size (the largest "##"), and bold ones in the body's size below them all.
  const sizes = [...new Set(lines.slice(1).filter((line) => larger(line) && line !== subtitle).map((line) => Math.round(line.size)))].sort((a, b) => b - a);
  const marks = (size: number | undefined) => "#".repeat(Math.min(6, 2 + (size === undefined ? sizes.length : sizes.indexOf(size))));
  let first = true;
  return pages
    .map((page, at) =>
      page
        .map((line, i) => {
          const next = page[i + 1] ?? pages[at + 1]?.[0];
          const bookmarked = first ? undefined : bookmarkDepth(bookmarks, line.text);
          if (bookmarked !== undefined) {
            first = false;
            return `\n${"#".repeat(Math.min(6, 2 + bookmarked))} ${line.text}\n`;
          }
          const heading = !first && line !== subtitle && short(line) && (larger(line) || boldHeading(line, next));
          first = false;
          // With bookmarks, a heading they leave out sits below all of theirs.
          const level = bookmarks.size > 0 ? "#".repeat(Math.min(6, 3 + Math.max(...bookmarks.values()))) : marks(larger(line) ? Math.round(line.size) : undefined);
          return heading ? `\n${level} ${line.text}\n` : line.text;
        })
        .join("\n"),
    )
    .join("\n\n");
}

interface Bookmark {
  title: string;
  items?: Bookmark[];
}

/**
 * A PDF's bookmarks (its outline, which Word and LibreOffice make from the headings): each title, as
 * `bookmarkKey` writes it, with its depth (0 for the top). Empty when the PDF has fewer than two.
 */
function bookmarkDepths(outline: Bookmark[] | null): Map<string, number> {
  const depths = new Map<string, number>();
  const add = (items: Bookmark[], depth: number) => {
    for (const item of items) {
      if (item.title.trim()) depths.set(bookmarkKey(item.title), depth);
      add(item.items ?? [], depth + 1);
    }
  };
  add(outline ?? [], 0);
  return depths.size >= 2 ? depths : new Map();
}

const bookmarkKey = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();

/** A line's depth among the bookmarks: its text is a bookmark's, or a number and a bookmark's ("3.1 Overrides"). */
function bookmarkDepth(bookmarks: Map<string, number>, text: string): number | undefined {
  if (bookmarks.size === 0) return undefined;
  const key = bookmarkKey(text);
  return bookmarks.get(key) ?? bookmarks.get(key.replace(/^\d+(\.\d+)*[.)]?\s+/, ""));
}

/** Where a page's running header or footer can stand: its first and last lines. */
const runningLinePlaces = 2;

/**
 * A page header or footer repeated on most pages ("Underwriting AI Standard v1.3 | Internal | Page 2 of
 * 4") would otherwise end whichever section each page ends in: the pages without them, and each one once
 * (`running`). A title repeated as a header stays where it is on the first page.
 */
function withoutRunningLines(pages: PrintedLine[][]): { pages: PrintedLine[][]; running: PrintedLine[] } {
  if (pages.length < 2) return { pages, running: [] };
  const key = (line: PrintedLine) => line.text.replace(/\d+/g, "#").toLowerCase();
  const atTheEdges = (page: PrintedLine[]) => new Set([...page.slice(0, runningLinePlaces), ...page.slice(-runningLinePlaces)]);
  const pagesWith = new Map<string, number>();
  for (const page of pages) for (const text of new Set([...atTheEdges(page)].map(key))) pagesWith.set(text, (pagesWith.get(text) ?? 0) + 1);
  const running = new Set([...pagesWith].filter(([, count]) => count >= Math.max(2, Math.ceil(pages.length / 2))).map(([text]) => text));
  if (running.size === 0) return { pages, running: [] };
  // The first line stays when it is the title (the largest print on its page), not a small running header above it.
  const firstPage = pages[0] ?? [];
  const title = firstPage[0] && firstPage[0].size >= Math.max(...firstPage.map((line) => line.size)) ? firstPage[0] : undefined;
  const kept: PrintedLine[] = [];
  const cleaned = pages.map((page) => {
    const edges = atTheEdges(page);
    return page.filter((line) => {
      if (line === title || !edges.has(line) || !running.has(key(line))) return true;
      if (!kept.some((once) => key(once) === key(line)) && key(line) !== (title && key(title))) kept.push(line);
      return false;
    });
  });
  return { pages: cleaned, running: kept.map((line) => ({ ...line, bold: false })) };
}

/**
 * A heading or title too long for one line ("AI at Halden: what every" / "colleague needs to know"): the
 * next line in the same print, above the body's size, that goes on in lower case is the same heading.
 */
function joinWrappedHeadings(page: PrintedLine[]): PrintedLine[] {
  const body = bodySize(page);
  const joined: PrintedLine[] = [];
  for (const line of page) {
    const previous = joined.at(-1);
    const continues = previous && previous.size > body && Math.round(previous.size) === Math.round(line.size) && previous.bold === line.bold && /^\p{Ll}/u.test(line.text) && !/[.!?:;]$/.test(previous.text);
    if (continues) joined[joined.length - 1] = { ...previous, text: `${previous.text} ${line.text}` };
    else joined.push(line);
  }
  return joined;
}

/** A page's lines, each with its size and whether it is all in bold. */
async function printedLines(page: PDFPageProxy): Promise<PrintedLine[]> {
  const content = await page.getTextContent();
  // The fonts' names are known once the page's drawing operations are read.
  await page.getOperatorList();
  const boldFonts = new Map<string, boolean>();
  const isBold = (fontName: string) => {
    let bold = boldFonts.get(fontName);
    if (bold === undefined) {
      bold = boldFontName(page, fontName);
      boldFonts.set(fontName, bold);
    }
    return bold;
  };
  const lines: PrintedLine[] = [];
  let current = { text: "", size: 0, bold: true };
  const finish = () => {
    if (current.text.trim()) lines.push({ text: current.text.trim(), size: current.size, bold: current.bold });
    current = { text: "", size: 0, bold: true };
  };
  for (const item of content.items) {
    if (!("str" in item)) continue;
    current.text += item.str;
    if (item.str.trim()) {
      current.size = Math.max(current.size, Math.abs(item.transform[3] ?? 0));
      current.bold &&= isBold(item.fontName);
    }
    if (item.hasEOL) finish();
  }
  finish();
  return lines;
}

function boldFontName(page: PDFPageProxy, fontName: string): boolean {
  try {
    const font = page.commonObjs.get(fontName) as { name?: string; bold?: boolean } | undefined;
    return font?.bold === true || /bold|black|heavy|semibold|demi/i.test(font?.name ?? "");
  } catch {
    return false; // a font pdf.js did not load: its name is unknown
  }
}

/** A numbered line ("3.1 Disclosure labels"): the splitter reads its number, and its level from it. */
const numbered = /^\d+(\.\d+)*[.)]?\s/;

/** A line that starts a paragraph: regular type, and a sentence or a list item rather than another short cell. */
function startsText(line: PrintedLine | undefined): boolean {
  return !!line && !line.bold && (/[.:;!?]$/.test(line.text) || line.text.length >= 60 || /^[-•*–]\s|^\d+[.)]\s/.test(line.text));
}

/** The share of a document's characters printed in bold. */
function boldShare(lines: PrintedLine[]): number {
  const total = lines.reduce((sum, line) => sum + line.text.length, 0);
  return total === 0 ? 0 : lines.filter((line) => line.bold).reduce((sum, line) => sum + line.text.length, 0) / total;
}

/** The font size most of a document's characters are printed in. */
function bodySize(lines: Pick<PrintedLine, "text" | "size">[]): number {
  const characters = new Map<number, number>();
  for (const { text, size } of lines) characters.set(Math.round(size), (characters.get(Math.round(size)) ?? 0) + text.length);
  return [...characters].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}
