// The formats organisations keep policies in, each read as text with its headings kept where the
// format has them: Markdown and plain text as they are, HTML and Word (.docx, through mammoth,
// which maps Word's heading styles to h1…h6) as Markdown-like text, PDF (pdfjs-dist) line by line
// with its numbered headings found by the splitter.
import fs from "node:fs/promises";
import path from "node:path";
import { parse, type HTMLElement, NodeType, type Node } from "node-html-parser";
import type { PDFPageProxy } from "pdfjs-dist";
import { lookUpWord } from "../domain/wordTable.js";
import { marksAHeading } from "./policySections.js";
import type { NumberedParagraph } from "./wordNumbering.js";

export interface ReadDocument {
  text: string;
  /** Whether headings must be found in unmarked lines (plain text, PDF). */
  plainText: boolean;
}

type Reader = (file: string) => Promise<ReadDocument>;

const readers: Record<string, Reader> = {
  ".md": async (file) => markdown(await fs.readFile(file, "utf8")),
  ".markdown": async (file) => markdown(await fs.readFile(file, "utf8")),
  ".txt": async (file) => ({ text: plainTextWithTitle(await fs.readFile(file, "utf8")), plainText: true }),
  ".html": async (file) => ({ text: htmlToText(await fs.readFile(file, "utf8")), plainText: false }),
  ".htm": async (file) => ({ text: htmlToText(await fs.readFile(file, "utf8")), plainText: false }),
  ".docx": async (file) => ({ text: htmlToText(await wordHtml(file)), plainText: false }),
  ".pdf": async (file) => ({ text: plainTextWithTitle(await pdfText(file)), plainText: true }),
};

export const policyExtensions = Object.keys(readers);

/**
 * A Markdown file with no heading markup below its title (no "#" but the title's, no underline, no bold line)
 * is plain text with a `.md` name: its headings are found the same way.
 */
function markdown(text: string): ReadDocument {
  const lines = text.split(/\r?\n/);
  const title = lines.findIndex((line) => line.trim() !== "");
  const marked = lines.some((line, i) => (i !== title || !/^#\s/.test(line)) && marksAHeading(line));
  if (marked) return { text, plainText: false };
  return { text: /^#\s/.test(lines[title] ?? "") ? text : plainTextWithTitle(text), plainText: true };
}

/** Word's Title style is the document's title, so its Heading 1 sections sit one level below. */
const wordStyles = [
  "p[style-name='Title'] => h1:fresh",
  ...[1, 2, 3, 4, 5].flatMap((level) => [`p[style-name='heading ${level}'] => h${level + 1}:fresh`, `p[style-name='Heading ${level}'] => h${level + 1}:fresh`]),
  // A table of contents (Word's "toc 1"…, LibreOffice's "Contents 1"…) repeats every heading: it is left out.
  ...["toc", "TOC", "Contents"].flatMap((name) => [`p[style-name^='${name} '] => !`, `p[style-name='${name} Heading'] => !`]),
];

/**
 * A Word document as HTML, its headings numbered as Word shows them (wordNumbering.ts). mammoth and the
 * readers of Word's styles and lists (which unzip with fflate) are loaded only when a folder holds Word documents.
 */
async function wordHtml(file: string): Promise<string> {
  const [mammoth, { numberedParagraphs }, { headingStyles, isHeadingStyle }] = await Promise.all([import("mammoth").then((module) => module.default), import("./wordNumbering.js"), import("./wordStyles.js")]);
  const data = await fs.readFile(file);
  const headings = headingStyles(data);
  // The organisation's own heading styles ("Acme Heading 1", based on Heading 1) are headings too, at their level.
  const ownStyles = headings.filter(({ name }) => !isHeadingStyle(name) && !name.includes("'")).map(({ name, level }) => `p[style-name='${name}'] => h${Math.min(6, level + 2)}:fresh`);
  return (await mammoth.convertToHtml({ buffer: data }, { styleMap: [...wordStyles, ...ownStyles], transformDocument: numberingParagraphs(numberedParagraphs(data)) })).value;
}

/** mammoth's document model: elements with children, paragraphs with their style's name, text as `value`. */
interface WordElement {
  type: string;
  styleName?: string | null;
  value?: string;
  children?: WordElement[];
}

/**
 * Puts each numbered paragraph's number in front of its text, matching the paragraphs mammoth reads to
 * those numbered, in document order, by their text (a few ahead, should mammoth skip one).
 */
function numberingParagraphs(numbered: NumberedParagraph[]): (document: WordElement) => WordElement {
  const queue = numbered.map((paragraph) => ({ ...paragraph, key: paragraph.text.replace(/\s+/g, "") }));
  const visit = (element: WordElement): void => {
    if (element.type === "paragraph") {
      const key = textOf(element).replace(/\s+/g, "");
      const at = key ? queue.slice(0, 4).findIndex((paragraph) => paragraph.key === key) : -1;
      const first = at >= 0 ? firstText(element) : undefined;
      if (first) {
        first.value = `${queue[at]!.number} ${first.value}`;
        queue.splice(0, at + 1);
      }
      return;
    }
    for (const child of element.children ?? []) visit(child);
  };
  return (document) => {
    visit(document);
    return document;
  };
}

function textOf(element: WordElement): string {
  return element.type === "text" ? (element.value ?? "") : (element.children ?? []).map(textOf).join("");
}

function firstText(element: WordElement): WordElement | undefined {
  if (element.type === "text" && element.value) return element;
  for (const child of element.children ?? []) {
    const found = firstText(child);
    if (found) return found;
  }
  return undefined;
}

export function isPolicyFile(file: string): boolean {
  return path.extname(file).toLowerCase() in readers;
}

export async function readPolicyFile(file: string): Promise<ReadDocument> {
  const reader = lookUpWord(readers, path.extname(file).toLowerCase());
  if (!reader) throw new Error(`unsupported format ${path.extname(file) || "(no extension)"}`);
  const read = await reader(file);
  return { ...read, text: withoutContents(read.text) };
}

/** A table of contents' entry: a heading, dot leaders and its page ("2. Personal accounts ........ 2"). */
const contentsEntry = /^\s*[-*]?\s*\S.{0,100}?\s*(?:\.\s?){4,}\s*\d{1,3}\s*$|^\s*\S.{0,100}?\s*…{2,}\s*\d{1,3}\s*$/;
const contentsHeading = /^\s*(?:#{1,6}\s*)?(?:\*\*)?(?:table\s+of\s+)?contents(?:\*\*)?\s*$/i;

/**
 * A table of contents repeats every heading with its page: as a section of its own it would look like an
 * answer to every question about any heading. Its entries (with dot leaders) are left out, and so is its
 * "Contents" heading when entries followed it.
 */
function withoutContents(text: string): string {
  const lines = text.split("\n");
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (contentsEntry.test(lines[i]!)) continue;
    if (contentsHeading.test(lines[i]!)) {
      const next = lines.slice(i + 1).find((line) => line.trim() !== "");
      if (next !== undefined && contentsEntry.test(next)) continue;
    }
    kept.push(lines[i]!);
  }
  return kept.join("\n");
}

/**
 * Plain text has no title markup: its first line is the title, or its first lines when they are a
 * block of short title lines ("RIVERSIDE LEARNING TRUST" / "DIGITAL AND AI STEERING GROUP" / "TERMS
 * OF REFERENCE"): the title is then all of them, so that what the document is about is in its title.
 */
function plainTextWithTitle(text: string): string {
  const lines = text.split(/\r?\n/);
  const first = lines.findIndex((line) => line.trim() !== "");
  if (first < 0) return text;
  let end = first + 1;
  while (end < lines.length && end - first < 4 && isTitleLine(lines[end]!)) end++;
  const block = lines.slice(first, end);
  const titled = block.every(isTitleLine);
  let title = titled ? block.map((line) => line.trim()).join(" – ") : lines[first]!.trim();
  let rest = titled ? lines.slice(end) : lines.slice(first + 1);
  // "HALDEN ENGINEERING LTD" / blank / "AI STEERING GROUP" / "TERMS OF REFERENCE": a title block in capitals
  // with a blank line in it; a capitals heading over its text ("PURPOSE" / "This policy…") is not one.
  const more = titled ? capitalsTitleLinesAfterABlank(rest) : 0;
  if (more > 0) {
    title = [title, ...rest.slice(1, 1 + more).map((line) => line.trim())].join(" – ");
    rest = rest.slice(1 + more);
  }
  return [...lines.slice(0, first), `# ${title}`, ...rest].join("\n");
}

/** How many lines (two or three) in capitals stand after one blank line, ahead of another blank line; else 0. */
function capitalsTitleLinesAfterABlank(lines: string[]): number {
  if (lines[0]?.trim() !== "") return 0;
  let count = 0;
  while (count < 3 && isTitleLine(lines[1 + count] ?? "") && isCapitals(lines[1 + count]!)) count++;
  return count >= 2 && (lines[1 + count] ?? "").trim() === "" ? count : 0;
}

const isCapitals = (line: string) => /\p{Lu}/u.test(line) && !/\p{Ll}/u.test(line);

/** A line of a title block: short, no sentence ending, not a list item, not a version or a date ("Version 5"). */
const isTitleLine = (line: string) => {
  const text = line.trim();
  return text !== "" && text.length <= 80 && !/[.,;:!?]$/.test(text) && !/^[-*•]/.test(text) && !/\d/.test(text);
};

/** HTML as Markdown-like lines: h1…h6 as "#" headings, list items, table rows, paragraphs. */
export function htmlToText(html: string): string {
  const root = parse(html, { blockTextElements: { script: false, style: false, noscript: false } });
  const lines: string[] = [];
  walk(documentPart(root.querySelector("body") ?? root), lines);
  // No title heading (a Word document typed without the Title style): its first line, all in bold, is its title.
  const first = lines.findIndex((line) => line.trim() !== "");
  if (first >= 0 && !lines.some((line) => line.startsWith("# ")) && /^\*\*[^*]+\*\*$/.test(lines[first]!)) lines[first] = `# ${lines[first]!.slice(2, -2)}`;
  return lines.join("\n").replace(/\n{3,}/g, "\n\n");
}

/** The site's parts of a saved web page, not the document's: menus, sidebars, search, cookie notices, hidden text. */
const siteParts = "nav, aside, form, button, noscript, template, svg, [hidden], [aria-hidden=true], [role=navigation], [role=complementary], [role=search], [role=banner], [role=contentinfo]";
const sitePartName = /(^|[\s_-])(cookies?|breadcrumbs?|sidebar|skip|navbar|menu|banner)([\s_-]|$)/i;

/**
 * An intranet page saved as HTML has the site around the document: a header with the site's name, menus,
 * a sidebar of related links, a footer, a cookie notice. Read as text they would become a section of the
 * policy ("Related pages: Annual leave, Password reset"). The document is the page's `main` (or its one
 * `article`) when it has one; the site's parts are left out either way, and so are the page's own header
 * and footer outside it. The document's title stays when the page puts it above `main`.
 */
function documentPart(body: HTMLElement): HTMLElement {
  const articles = body.querySelectorAll("article");
  const main = body.querySelector("main, [role=main]") ?? (articles.length === 1 ? articles[0]! : undefined);
  const part = main ?? body;
  for (const element of part.querySelectorAll(siteParts)) element.remove();
  for (const element of part.querySelectorAll("[class], [id]")) {
    if (sitePartName.test(`${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`)) element.remove();
  }
  if (!main) {
    for (const element of body.querySelectorAll("header, footer")) if (!element.closest("article")) element.remove();
    return body;
  }
  const title = body.querySelector("h1");
  if (title && !main.querySelector("h1") && !title.closest("nav, header[role=banner]")) main.insertAdjacentHTML("afterbegin", `<h1>${title.innerHTML}</h1>`);
  return main;
}

const blockTags = new Set(["p", "div", "section", "article", "main", "header", "footer", "blockquote", "dd", "dt", "pre", "figcaption", "caption"]);

function walk(node: Node, lines: string[]): void {
  for (const child of node.childNodes) {
    if (child.nodeType === NodeType.TEXT_NODE) {
      const text = inline(child);
      if (text) lines.push(text);
      continue;
    }
    if (child.nodeType !== NodeType.ELEMENT_NODE) continue;
    const element = child as HTMLElement;
    const tag = element.rawTagName?.toLowerCase() ?? "";
    const heading = /^h([1-6])$/.exec(tag);
    if (heading) lines.push("", `${"#".repeat(Number(heading[1]))} ${inline(element)}`, "");
    else if (tag === "li") listItem(element, lines);
    else if (tag === "tr") lines.push(`| ${element.querySelectorAll("th,td").map((cell) => inline(cell).replace(/\|/g, "/")).join(" | ")} |`);
    else if (tag === "table") {
      lines.push("");
      walk(element, lines);
      lines.push("");
    } else if (blockTags.has(tag) && !element.querySelector("p,div,table,ul,ol,h1,h2,h3,h4,h5,h6")) lines.push("", boldAlone(element) ? `**${inline(element)}**` : inline(element), "");
    else if (tag === "br") lines.push("");
    else walk(element, lines);
  }
}

/**
 * A paragraph that is all one bold run ("<p><strong>Approved tools</strong></p>"): the heading of a page, or of
 * a Word document whose headings are bold paragraphs rather than heading styles. Written as a bold line, which
 * the splitter reads as a heading; a bold run inside a sentence stays text.
 */
function boldAlone(element: HTMLElement): boolean {
  const text = inline(element);
  const bold = element.querySelectorAll("strong,b").map((run) => inline(run)).join(" ").trim();
  return text.length > 0 && text.length <= 100 && bold === text && !/[.;,]$/.test(text);
}

/** A node's text on one line, with a space where block elements meet ("<p>One</p><p>Two</p>" → "One Two"). */
function inline(node: Node): string {
  return spaced(node).replace(/\s+/g, " ").trim();
}

const spacedTags = new Set([...blockTags, "li", "ul", "ol", "tr", "td", "th", "br", "h1", "h2", "h3", "h4", "h5", "h6"]);

function spaced(node: Node): string {
  if (node.nodeType === NodeType.TEXT_NODE) return node.text;
  const tag = (node as HTMLElement).rawTagName?.toLowerCase() ?? "";
  const text = node.childNodes.map(spaced).join("");
  return spacedTags.has(tag) ? ` ${text} ` : text;
}

/**
 * A list item: its own text as one line, then any list inside it, item by item. An item all in bold that is
 * alone in its list or has a list of its own is a heading typed as a numbered list item in Word ("1.
 * **Purpose**" above a paragraph, or above its clauses "1.1", "1.2").
 */
function listItem(element: HTMLElement, lines: string[]): void {
  const nested = element.childNodes.filter((child): child is HTMLElement => child.nodeType === NodeType.ELEMENT_NODE && ["ul", "ol"].includes((child as HTMLElement).rawTagName?.toLowerCase() ?? ""));
  const own = parse("");
  for (const child of element.childNodes) if (!nested.includes(child as HTMLElement)) own.appendChild(child.clone());
  const text = inline(own);
  const alone = element.parentNode?.childNodes.filter((sibling) => sibling.nodeType === NodeType.ELEMENT_NODE).length === 1;
  if (text && (alone || nested.length > 0) && boldAlone(own)) lines.push("", `**${text}**`, "");
  else if (text) lines.push(`- ${text}`);
  for (const list of nested) walk(list, lines);
}

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
async function pdfText(file: string): Promise<string> {
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
