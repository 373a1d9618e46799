// The formats organisations keep policies in, each read as text with its headings kept where the
// format has them: Markdown and plain text as they are, HTML and Word (.docx, through mammoth,
// which maps Word's heading styles to h1…h6) as Markdown-like text, PDF (pdfjs-dist) line by line
// with its numbered headings found by the splitter.
import fs from "node:fs/promises";
import path from "node:path";
import { parse, type HTMLElement, NodeType, type Node } from "node-html-parser";
import { lookUpWord } from "../domain/wordTable.js";
import { marksAHeading } from "./policySections.js";

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
  // mammoth is loaded only when a folder holds Word documents.
  ".docx": async (file) => ({ text: htmlToText((await (await import("mammoth")).default.convertToHtml({ path: file }, { styleMap: wordStyles })).value), plainText: false }),
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
];

export function isPolicyFile(file: string): boolean {
  return path.extname(file).toLowerCase() in readers;
}

export async function readPolicyFile(file: string): Promise<ReadDocument> {
  const reader = lookUpWord(readers, path.extname(file).toLowerCase());
  if (!reader) throw new Error(`unsupported format ${path.extname(file) || "(no extension)"}`);
  return reader(file);
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
  const title = block.every(isTitleLine) ? block.map((line) => line.trim()).join(" – ") : lines[first]!.trim();
  const rest = block.every(isTitleLine) ? lines.slice(end) : lines.slice(first + 1);
  return [...lines.slice(0, first), `# ${title}`, ...rest].join("\n");
}

/** A line of a title block: short, no sentence ending, not a list item, not a version or a date ("Version 5"). */
const isTitleLine = (line: string) => {
  const text = line.trim();
  return text !== "" && text.length <= 80 && !/[.,;:!?]$/.test(text) && !/^[-*•]/.test(text) && !/\d/.test(text);
};

/** HTML as Markdown-like lines: h1…h6 as "#" headings, list items, table rows, paragraphs. */
export function htmlToText(html: string): string {
  const root = parse(html, { blockTextElements: { script: false, style: false, noscript: false } });
  const body = root.querySelector("body") ?? root;
  const lines: string[] = [];
  walk(body, lines);
  return lines.join("\n").replace(/\n{3,}/g, "\n\n");
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
    else if (tag === "li") lines.push(`- ${inline(element)}`);
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

function inline(node: Node): string {
  return node.text.replace(/\s+/g, " ").trim();
}

interface PrintedLine {
  text: string;
  /** The largest font size on the line, in points. */
  size: number;
}

/**
 * The text of a PDF, one line per line of print (items on the same baseline joined). A short line printed
 * larger than the body text is a heading, numbered or not ("Approved tools" in 14 pt over 10 pt text), and is
 * marked as one; the first line is left to be the title.
 */
async function pdfText(file: string): Promise<string> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const data = new Uint8Array(await fs.readFile(file));
  const pdf = await getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: PrintedLine[][] = [];
  try {
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const lines: PrintedLine[] = [];
      let current = { text: "", size: 0 };
      for (const item of content.items) {
        if (!("str" in item)) continue;
        current.text += item.str;
        if (item.str.trim()) current.size = Math.max(current.size, Math.abs(item.transform[3] ?? 0));
        if (item.hasEOL) {
          lines.push({ text: current.text.trim(), size: current.size });
          current = { text: "", size: 0 };
        }
      }
      if (current.text.trim()) lines.push({ text: current.text.trim(), size: current.size });
      pages.push(lines);
    }
  } finally {
    await pdf.destroy();
  }
  const body = bodySize(pages.flat());
  let first = true;
  return pages
    .map((lines) =>
      lines
        .map(({ text, size }) => {
          const heading = !first && text !== "" && size >= body * 1.15 && text.length <= 100 && text.split(/\s+/).length <= 12 && !/[.,;]$/.test(text);
          if (text !== "") first = false;
          return heading ? `\n## ${text}\n` : text;
        })
        .join("\n"),
    )
    .join("\n\n");
}

/** The font size most of a document's characters are printed in. */
function bodySize(lines: PrintedLine[]): number {
  const characters = new Map<number, number>();
  for (const { text, size } of lines) characters.set(Math.round(size), (characters.get(Math.round(size)) ?? 0) + text.length);
  return [...characters].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}
