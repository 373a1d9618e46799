// A Word document as HTML (mammoth), with what mammoth leaves out put back: the numbers Word draws for
// its headings and numbered clauses (wordNumbering.ts), the template's own heading styles (wordStyles.ts),
// and no table of contents. mammoth and these readers are loaded only when a folder holds Word documents.
import fs from "node:fs/promises";
import type { NumberedParagraph } from "./wordNumbering.js";

/** Word's Title style is the document's title, so its Heading 1 sections sit one level below. */
const wordStyles = [
  "p[style-name='Title'] => h1:fresh",
  ...[1, 2, 3, 4, 5].flatMap((level) => [`p[style-name='heading ${level}'] => h${level + 1}:fresh`, `p[style-name='Heading ${level}'] => h${level + 1}:fresh`]),
  // A table of contents (Word's "toc 1"…, LibreOffice's "Contents 1"…) repeats every heading: it is left out.
  ...["toc", "TOC", "Contents"].flatMap((name) => [`p[style-name^='${name} '] => !`, `p[style-name='${name} Heading'] => !`]),
];

/**
 * A Word document as HTML, its headings and numbered clauses numbered as Word shows them (wordNumbering.ts).
 * mammoth and the readers of Word's styles and lists (which unzip with fflate) are loaded only when a folder
 * holds Word documents.
 */
export async function wordHtml(file: string): Promise<string> {
  const [mammoth, { numberedParagraphs }, { headingStyles, isHeadingStyle, readStyles, wordParts }] = await Promise.all([import("mammoth").then((module) => module.default), import("./wordNumbering.js"), import("./wordStyles.js")]);
  const data = await fs.readFile(file);
  const parts = wordParts(data);
  const styles = readStyles(parts.styles);
  // The organisation's own heading styles ("Acme Heading 1", based on Heading 1) are headings too, at their level.
  const ownStyles = headingStyles(styles)
    .filter(({ name }) => !isHeadingStyle(name) && !name.includes("'"))
    .map(({ name, level }) => `p[style-name='${name}'] => h${Math.min(6, level + 2)}:fresh`);
  const numbering = numberingParagraphs(numberedParagraphs(parts, styles));
  return (await mammoth.convertToHtml({ buffer: data }, { styleMap: [...wordStyles, ...ownStyles], transformDocument: (document) => boldingLargeLines(numbering(document)) })).value;
}

/** mammoth's document model: elements with children, paragraphs with their style's name, runs with their print, text as `value`. */
interface WordElement {
  type: string;
  styleName?: string | null;
  value?: string;
  fontSize?: number | null;
  isBold?: boolean;
  children?: WordElement[];
}

/**
 * A template typed without heading styles makes its headings Normal paragraphs printed larger ("Appendix A –
 * Contacts" in 14 pt over 11 pt text). Such a short paragraph, every run of it larger than most of the
 * document's text, is made bold, which reads as a heading as a bold paragraph does.
 */
function boldingLargeLines(document: WordElement): WordElement {
  const paragraphs: WordElement[] = [];
  const collect = (element: WordElement): void => {
    if (element.type === "paragraph") paragraphs.push(element);
    else for (const child of element.children ?? []) collect(child);
  };
  collect(document);
  const runsOf = (paragraph: WordElement) => (paragraph.children ?? []).filter((child) => child.type === "run" && textOf(child).trim() !== "");
  // The size most of the text is printed in (a run without a size of its own is in its style's, counted as 0).
  const printed = new Map<number, number>();
  for (const run of paragraphs.flatMap(runsOf)) printed.set(run.fontSize ?? 0, (printed.get(run.fontSize ?? 0) ?? 0) + textOf(run).length);
  const body = [...printed].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  const bodySize = body || 11;
  for (const paragraph of paragraphs) {
    const runs = runsOf(paragraph);
    const text = textOf(paragraph).trim();
    if (/heading|title|toc|contents/i.test(paragraph.styleName ?? "") || runs.length === 0 || text.length > 100 || /[.;,]$/.test(text)) continue;
    if (runs.every((run) => (run.fontSize ?? 0) >= bodySize + 2)) for (const run of runs) run.isBold = true;
  }
  return document;
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

