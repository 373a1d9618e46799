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
  return (await mammoth.convertToHtml({ buffer: data }, { styleMap: [...wordStyles, ...ownStyles], transformDocument: numberingParagraphs(numberedParagraphs(parts, styles)) })).value;
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

