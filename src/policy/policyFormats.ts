// The formats organisations keep policies in, each read as text with its headings kept where the
// format has them: Markdown and plain text as they are, HTML and Word (.docx, as HTML from
// wordHtml.ts) as Markdown-like text, OpenDocument text as Markdown-like text (odtText.ts), PDF line
// by line with its headings marked (pdfText.ts), text in a wiki's or a docs tool's markup (MediaWiki,
// AsciiDoc, reStructuredText) as Markdown (textMarkup.ts). Text files are read in the encoding they were
// saved in. A table of contents is left out of every format.
import fs from "node:fs/promises";
import path from "node:path";
import { parse, type HTMLElement, NodeType, type Node } from "node-html-parser";
import { lookUpWord } from "../domain/wordTable.js";
import { marksAHeading } from "./policySections.js";
import { pdfText } from "./pdfText.js";
import { wordHtml } from "./wordHtml.js";
import { odtText } from "./odtText.js";
import { fromTextMarkup } from "./textMarkup.js";

export interface ReadDocument {
  text: string;
  /** Whether headings must be found in unmarked lines (plain text, PDF). */
  plainText: boolean;
}

type Reader = (file: string) => Promise<ReadDocument>;

const readers: Record<string, Reader> = {
  ".md": async (file) => markdown(await readText(file)),
  ".markdown": async (file) => markdown(await readText(file)),
  ".txt": async (file) => textFile(await readText(file)),
  ".adoc": async (file) => textFile(await readText(file)),
  ".asciidoc": async (file) => textFile(await readText(file)),
  ".rst": async (file) => textFile(await readText(file)),
  ".html": async (file) => ({ text: htmlToText(await readText(file)), plainText: false }),
  ".htm": async (file) => ({ text: htmlToText(await readText(file)), plainText: false }),
  ".docx": async (file) => ({ text: htmlToText(await wordHtml(file)), plainText: false }),
  ".odt": async (file) => ({ text: await odtText(file), plainText: false }),
  ".pdf": async (file) => ({ text: plainTextWithTitle(await pdfText(file)), plainText: true }),
};

export const policyExtensions = Object.keys(readers);

/**
 * A text file in the encoding it was saved in: UTF-8 (with or without its byte-order mark), UTF-16 as
 * Windows Notepad saves "Unicode" (with its mark), or, when the bytes are not UTF-8, Windows-1252, which
 * older Windows editors and exports write ("30 days – then deleted", "Café").
 */
async function readText(file: string): Promise<string> {
  const bytes = await fs.readFile(file);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return windows1252(body);
  }
}

/** Windows-1252's 0x80–0x9F: quotes, dashes, the euro sign… (Node's own decoder reads them as control characters). */
const windows1252High = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function windows1252(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? windows1252High[byte - 0x80] : String.fromCharCode(byte);
  return text;
}

/** A text file: in a wiki's or docs-as-code markup (textMarkup.ts) read as Markdown, else as plain text. */
function textFile(raw: string): ReadDocument {
  const marked = fromTextMarkup(raw);
  return marked === undefined ? { text: plainTextWithTitle(raw), plainText: true } : { text: marked, plainText: false };
}

/**
 * A Markdown file with no heading markup below its title (no "#" but the title's, no underline, no bold line)
 * is plain text with a `.md` name: its headings are found the same way.
 */
function markdown(raw: string): ReadDocument {
  const text = withAdmonitionsAsText(withFrontMatterAsText(asWritten(withoutHtmlTagLines(raw))));
  const lines = text.split(/\r?\n/);
  const title = lines.findIndex((line) => line.trim() !== "");
  const marked = lines.some((line, i) => (i !== title || !/^#\s/.test(line)) && marksAHeading(line));
  if (marked) return { text, plainText: false };
  return { text: /^#\s/.test(lines[title] ?? "") ? text : plainTextWithTitle(text), plainText: true };
}

/**
 * A docs-as-code page opens with its front matter ("---" / "title: AI Engineering Guidelines" / "version:
 * 1.4.0" / "---"), which the site renders as the page's title and details. Read the same way: the title
 * as the title heading when the page has none, the other single-line fields as lines under it ("Version:
 * 1.4.0", "Owner: Platform Team"), lists such as tags left out.
 */
function withFrontMatterAsText(text: string): string {
  const front = /^(?:\s*\n)?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  if (!front) return text;
  const fields = front[1]!.split(/\r?\n/).flatMap((line) => {
    const field = /^([A-Za-z][\w -]*?)\s*:\s*(\S.*?)\s*$/.exec(line);
    return field ? [{ name: field[1]!.replace(/[_-]/g, " ").toLowerCase(), value: field[2]!.replace(/^(["'])(.*)\1$/, "$2") }] : [];
  });
  const body = text.slice(front[0].length);
  const title = fields.find((field) => field.name === "title")?.value;
  const details = fields.filter((field) => field.name !== "title").map((field) => `${field.name[0]!.toUpperCase()}${field.name.slice(1)}: ${field.value}`);
  const titled = /^\s*#\s/.test(body.split("\n").find((line) => line.trim() !== "") ?? "");
  if (titled || !title) {
    const lines = body.split("\n");
    const at = titled ? lines.findIndex((line) => line.trim() !== "") + 1 : 0;
    return [...lines.slice(0, at), "", ...details, "", ...lines.slice(at)].join("\n");
  }
  return [`# ${title}`, "", ...details, "", body].join("\n");
}

/**
 * Callouts in a docs site's Markdown: MkDocs' '!!! warning "Suggestions are your code"' over its indented
 * text, Docusaurus' ":::tip" … ":::", GitHub's "> [!NOTE]". Read as the text they show ("Warning:
 * Suggestions are your code", then the text), not as code blocks or stray markers.
 */
function withAdmonitionsAsText(text: string): string {
  const out: string[] = [];
  let indented = false;
  for (const line of text.split("\n")) {
    const mkdocs = /^\s*(?:!!!|\?\?\?\+?)\s+([\w-]+)(?:\s+"([^"]*)")?\s*$/.exec(line);
    const docusaurus = /^\s*:::+\s*([\w-]+)\s*(.*)$/.exec(line);
    if (mkdocs || docusaurus) {
      const [, kind, title] = (mkdocs ?? docusaurus)!;
      out.push("", `${kind![0]!.toUpperCase()}${kind!.slice(1).toLowerCase()}${title?.trim() ? `: ${title.trim()}` : ":"}`);
      indented = !!mkdocs;
      continue;
    }
    if (/^\s*:::+\s*$/.test(line)) continue;
    if (indented && /^(?: {4}|\t)/.test(line)) {
      out.push(line.replace(/^(?: {4}|\t)/, ""));
      continue;
    }
    if (line.trim() !== "") indented = false;
    out.push(line.replace(/^(\s*>\s*)\[!(\w+)\]\s*$/, (_all, quote: string, kind: string) => `${quote}${kind[0]!.toUpperCase()}${kind.slice(1).toLowerCase()}:`));
  }
  return out.join("\n");
}

/**
 * Markdown exported from a wiki or notes app wraps callouts and toggles in HTML ("<aside>", "<details>"): a
 * line that is only such a tag says nothing, and read as text it would be quoted in answers.
 */
function withoutHtmlTagLines(text: string): string {
  return text
    .split("\n")
    .filter((line) => !/^\s*<\/?(?:aside|details|summary|div|span|section|figure|figcaption|center|br)\b[^>]*>\s*$/i.test(line))
    .join("\n");
}

/**
 * Markdown as an editor exports it (Google Docs' "Download as Markdown"): punctuation escaped ("face\\-to\\-face",
 * "1\\. Purpose"), an anchor after each heading ("{#1.-purpose}"), images, and images' data at the end as
 * reference definitions. Read as what the document says: the punctuation as written (a table's escaped "|" stays
 * escaped), headings without their anchors, no images.
 */
function asWritten(text: string): string {
  return text
    .split("\n")
    .filter((line) => !/^\s{0,3}\[[^\]]+\]:\s*\S+\s*$/.test(line))
    .map((line) => line.replace(/!\[[^\]]*\](?:\[[^\]]*\]|\([^)]*\))/g, ""))
    .map((line) => (/^\s{0,3}#/.test(line) ? line.replace(/\s*\{#[^}]*\}\s*$/, "") : line))
    .map((line) => line.replace(/\\([!-\/:-@\[-`{}~])/g, "$1"))
    .join("\n");
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
/** A Markdown export's table of contents: a line or list item that is only a link to a heading ("- [2. Scope](#2-scope)"). */
const contentsLink = /^\s*(?:(?:[-*+]|\d{1,2}\\?[.)])\s+)?\[[^\]]+\]\(#.*\)\s*$/;
const contentsHeading = /^\s*(?:#{1,6}\s*)?(?:\*\*)?(?:table\s+of\s+)?contents(?:\*\*)?\s*$/i;

/**
 * A table of contents repeats every heading with its page: as a section of its own it would look like an
 * answer to every question about any heading. Its entries (with dot leaders) are left out when two or more
 * stand together (a single dotted line, "Reception ........ 100", is a contact's), and so is its
 * "Contents" heading above them.
 */
function withoutContents(text: string): string {
  const lines = text.split("\n");
  const isEntry = lines.map((line) => contentsEntry.test(line) || contentsLink.test(line));
  // An entry counts when the nearest non-blank line before or after it is an entry too.
  const neighbour = (i: number, step: number) => {
    for (let j = i + step; j >= 0 && j < lines.length; j += step) if (lines[j]!.trim() !== "") return isEntry[j]!;
    return false;
  };
  const inContents = isEntry.map((entry, i) => entry && (neighbour(i, -1) || neighbour(i, 1)));
  return lines
    .filter((line, i) => {
      if (inContents[i]) return false;
      if (!contentsHeading.test(line)) return true;
      const next = lines.findIndex((later, j) => j > i && later.trim() !== "");
      return !(next >= 0 && inContents[next]);
    })
    .join("\n");
}

/**
 * Plain text has no title markup: its first line is the title, or its first lines when they are a
 * block of short title lines ("RIVERSIDE LEARNING TRUST" / "DIGITAL AND AI STEERING GROUP" / "TERMS
 * OF REFERENCE"): the title is then all of them, so that what the document is about is in its title.
 */
function plainTextWithTitle(text: string): string {
  const email = emailHeader(text);
  if (email) return `# ${email.subject}\n${email.body}`;
  const lines = withoutMarkingsAround(text.split(/\r?\n/));
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
  // A typed title centred with spaces goes on in centred capitals lines, a blank line between them.
  if (titled && /^\s{4,}\S/.test(lines[first]!)) {
    for (let next = centredTitleLineAfterABlank(rest); next >= 0; next = centredTitleLineAfterABlank(rest)) {
      title = `${title} – ${rest[next]!.trim()}`;
      rest = rest.slice(next + 1);
    }
  }
  return [...lines.slice(0, first), `# ${title}`, ...rest].join("\n");
}

const emailField = /^(from|sent|date|to|cc|bcc|subject|importance|attachments):[ \t]*(.*)$/i;

/**
 * Terms of reference pasted into an e-mail and saved as text open with its header ("From: …", "Sent: …",
 * "Subject: …"): its subject says what the document is (without "RE:" or "FW:"), the sender does not.
 */
function emailHeader(text: string): { subject: string; body: string } | undefined {
  const lines = text.split(/\r?\n/);
  const first = lines.findIndex((line) => line.trim() !== "");
  let end = first;
  while (end >= 0 && end < lines.length && emailField.test(lines[end]!)) end++;
  const fields = lines.slice(first, end).map((line) => emailField.exec(line)!);
  const subject = fields.find((field) => field[1]!.toLowerCase() === "subject")?.[2]?.replace(/^(?:(?:re|fw|fwd)\s*:\s*)+/i, "").trim();
  if (fields.length < 2 || !subject || !fields.some((field) => field[1]!.toLowerCase() === "from")) return undefined;
  return { subject, body: lines.slice(end).join("\n") };
}

/** How many lines (two or three) in capitals stand after one blank line, ahead of another blank line; else 0. */
function capitalsTitleLinesAfterABlank(lines: string[]): number {
  if (lines[0]?.trim() !== "") return 0;
  let count = 0;
  while (count < 3 && isTitleLine(lines[1 + count] ?? "") && isCapitals(lines[1 + count]!)) count++;
  return count >= 2 && (lines[1 + count] ?? "").trim() === "" ? count : 0;
}

/** Where the next line, after one blank line or none, is a centred title line in capitals; else -1. */
function centredTitleLineAfterABlank(lines: string[]): number {
  const at = lines[0]?.trim() === "" ? 1 : 0;
  const line = lines[at] ?? "";
  return /^\s{4,}\S/.test(line) && isTitleLine(line) && isCapitals(line) ? at : -1;
}

/**
 * A protective marking on a line of its own ("OFFICIAL", "OFFICIAL-SENSITIVE", "INTERNAL"), printed at the top
 * and bottom of every page of a government or corporate document: it says how to handle the paper, not what
 * it is about, so it is never part of a title.
 */
const protectiveMarking = /^\s*(?:(?:uk\s+)?official(?:[\s-]+sensitive)?|secret|top\s+secret|unclassified|restricted|confidential|internal(?:\s+use\s+only)?|commercial\s+in\s+confidence|not\s+protectively\s+marked)\s*$/i;
/**
 * The marking above a document's title, right under its title lines (where a PDF's running header is
 * kept once) and on its last line is left out. Elsewhere, after a blank line, a line such as "RESTRICTED"
 * may be a heading: a data class's.
 */
function withoutMarkingsAround(lines: string[]): string[] {
  const filled = lines.flatMap((line, at) => (line.trim() === "" ? [] : [at]));
  const marking = (at: number) => protectiveMarking.test(lines[at]!);
  const leading = filled.slice(0, filled.findIndex((at) => !marking(at)) + 1 || filled.length);
  const underTitle = filled.slice(0, 4).filter((at) => at > 0 && lines[at - 1]!.trim() !== "");
  const edges = new Set([...leading, ...underTitle, ...filled.slice(-1)]);
  return lines.map((line, at) => (edges.has(at) && marking(at) ? "" : line));
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
  const pageTitle = inline(root.querySelector("title") ?? parse(""));
  walk(documentPart(root.querySelector("body") ?? root, pageTitle), lines);
  // No title heading (a Word document typed without the Title style): its first line, all in bold, is its title,
  // with the bold lines right below it that stand over another bold line or a table, not over text (a cover's
  // "WYVERN VALLEY POLICE" / "Use of AI Tools" / "Procedure" above its document-control table).
  const bold = (line: string | undefined) => /^\*\*[^*]+\*\*$/.test(line ?? "");
  const filled = lines.map((line, at) => ({ line, at })).filter(({ line }) => line.trim() !== "");
  if (filled.length > 0 && !lines.some((line) => line.startsWith("# ")) && bold(filled[0]!.line)) {
    let last = 0;
    while (bold(filled[last + 1]?.line) && (bold(filled[last + 2]?.line) || filled[last + 2]?.line.startsWith("|"))) last++;
    const title = filled.slice(0, last + 1).map(({ line }) => line.slice(2, -2).trim());
    for (const { at } of filled.slice(1, last + 1)) lines[at] = "";
    lines[filled[0]!.at] = `# ${title.join(" – ")}`;
  }
  // A page with no h1 (an e-mail newsletter, whose headings start at h2) is titled by its <title>.
  if (pageTitle && !lines.some((line) => line.startsWith("# "))) lines.unshift(`# ${pageTitle}`, "");
  return lines.join("\n").replace(/\n{3,}/g, "\n\n");
}

/** The site's parts of a saved web page, not the document's: menus, sidebars, search, cookie notices, hidden text. */
const siteParts = "nav, aside, form, button, noscript, template, svg, [hidden], [aria-hidden=true], [role=navigation], [role=complementary], [role=search], [role=banner], [role=contentinfo]";
const sitePartName = /(^|[\s_-])(cookies?|breadcrumbs?|sidebar|skip|navbar|menu|banner|comments?)([\s_-]|$)/i;

/**
 * An intranet page saved as HTML has the site around the document: a header with the site's name, menus,
 * a sidebar of related links, a footer, a cookie notice. Read as text they would become a section of the
 * policy ("Related pages: Annual leave, Password reset"). The document is the page's `main` (or its one
 * `article`) when it has one; the site's parts are left out either way, and so are the page's own header
 * and footer outside it. The document's title stays when the page puts it above `main`.
 */
function documentPart(body: HTMLElement, pageTitle = ""): HTMLElement {
  const articles = body.querySelectorAll("article");
  // A wiki's export (Confluence's) and many sites mark the document's part with the id "main-content" instead.
  const main = body.querySelector("main, [role=main]") ?? (articles.length === 1 ? articles[0]! : undefined) ?? body.querySelector("#main-content") ?? undefined;
  const part = main ?? body;
  for (const element of part.querySelectorAll(siteParts)) element.remove();
  for (const element of part.querySelectorAll("[class], [id]")) {
    if (sitePartName.test(`${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`)) element.remove();
  }
  for (const list of part.querySelectorAll("ul, ol")) if (isContentsList(list)) list.remove();
  if (!main) {
    for (const element of body.querySelectorAll("header, footer")) if (!element.closest("article")) element.remove();
    return body;
  }
  const title = body.querySelectorAll("h1").find((heading) => !heading.closest("#main-content, main, [role=main]") || !main.querySelector("h1"));
  if (title && !title.closest("nav, header[role=banner]") && (!main.querySelector("h1") || isThePagesTitle(title, pageTitle))) main.insertAdjacentHTML("afterbegin", `<h1>${title.innerHTML}</h1>`);
  return main;
}

/** A page's own table of contents (a wiki's contents macro): a list whose every item is only a link to a heading on the page. */
function isContentsList(list: HTMLElement): boolean {
  const items = list.querySelectorAll("li");
  return items.length >= 2 && items.every((item) => {
    const link = item.querySelector("a[href^='#']");
    const own = item.childNodes.filter((child) => child.nodeType !== NodeType.ELEMENT_NODE || !["ul", "ol"].includes((child as HTMLElement).rawTagName?.toLowerCase() ?? ""));
    return !!link && own.map((child) => child.text).join("").trim() === link.text.trim();
  });
}

/** A heading above the document's part that says what the page's <title> says is the document's title, whatever headings the part has. */
function isThePagesTitle(heading: HTMLElement, pageTitle: string): boolean {
  const words = (text: string) => text.replace(/\s+/g, " ").trim().toLowerCase();
  return pageTitle !== "" && words(heading.text) === words(pageTitle);
}

const blockTags = new Set(["p", "div", "section", "article", "main", "header", "footer", "blockquote", "dd", "dt", "pre", "figcaption", "caption"]);

/** Elements that start a line of their own; anything else is read inline, as part of the line around it. */
const lineTags = new Set([...blockTags, "li", "ul", "ol", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6"]);
const startsALine = (element: HTMLElement) => lineTags.has(element.rawTagName?.toLowerCase() ?? "") || ariaHeading(element) !== null;
const holdsLines = (element: HTMLElement) => element.querySelectorAll("*").some(startsALine);

/**
 * Walks an element's children as lines. Text and inline elements between two line breaks are one line ("Use
 * <b>Assist</b> on the iPad<br>"), in bold when the line is all bold (an e-mail newsletter's "<b>Can I use
 * ChatGPT?</b><br>" question heads its answer).
 */
function walk(node: Node, lines: string[]): void {
  let run: Node[] = [];
  const endLine = () => {
    if (run.length === 0) return;
    const own = parse("");
    for (const part of run) own.appendChild(part.clone());
    run = [];
    const text = inline(own);
    if (text) lines.push(boldAlone(own) && own.querySelector("*") ? `**${text}**` : text);
  };
  for (const child of node.childNodes) {
    if (child.nodeType === NodeType.TEXT_NODE || (child.nodeType === NodeType.ELEMENT_NODE && !startsALine(child as HTMLElement) && !holdsLines(child as HTMLElement))) {
      run.push(child);
      continue;
    }
    endLine();
    if (child.nodeType !== NodeType.ELEMENT_NODE) continue;
    const element = child as HTMLElement;
    const tag = element.rawTagName?.toLowerCase() ?? "";
    const heading = /^h([1-6])$/.exec(tag) ?? ariaHeading(element) ?? (/\bMsoTitle\b/.test(element.getAttribute("class") ?? "") ? ["1", "1"] : null);
    if (heading) lines.push("", `${"#".repeat(Number(heading[1]))} ${inline(element)}`, "");
    else if (tag === "li") listItem(element, lines);
    else if (tag === "p" && isWordListParagraph(element)) lines.push(wordListItem(inline(element)));
    else if (tag === "tr" && !isLayoutTable(element.closest("table"))) tableRow(element, lines);
    else if (tag === "table" || tag === "td" || tag === "th") {
      lines.push("");
      walk(element, lines);
      lines.push("");
    } else if (blockTags.has(tag) && !element.querySelector("p,div,table,ul,ol,h1,h2,h3,h4,h5,h6")) lines.push("", boldAlone(element) ? `**${inline(element)}**` : inline(element), "");
    else if (tag === "br") continue;
    else walk(element, lines);
  }
  endLine();
}

/**
 * A list item in a Word document saved as "Web Page, Filtered": a paragraph of a list style, its number or
 * bullet typed out in front of it ("1.", or "·" in the Symbol font).
 */
function isWordListParagraph(element: HTMLElement): boolean {
  return /\bMsoListParagraph/.test(element.getAttribute("class") ?? "") || /mso-list\s*:\s*l\d/.test(element.getAttribute("style") ?? "");
}

function wordListItem(text: string): string {
  if (/^(?:\d{1,2}|[a-z])[.)]\s/.test(text)) return text;
  return `- ${text.replace(/^[·•▪§Øüo–-]\s+/, "")}`;
}

/**
 * A table's row as a Markdown row. The first row is the table's header, with a rule under it, when its cells
 * are header cells or all in bold (as Word writes a header row): each row is then read with its column names.
 */
function tableRow(row: HTMLElement, lines: string[]): void {
  const cells = row.querySelectorAll("th,td");
  lines.push(`| ${cells.map((cell) => inline(cell).replace(/\|/g, "/")).join(" | ")} |`);
  const first = row.closest("table")?.querySelector("tr") === row;
  if (first && cells.length > 1 && cells.every((cell) => cell.rawTagName.toLowerCase() === "th" || (inline(cell) !== "" && boldAlone(cell)))) lines.push(`|${cells.map(() => "---").join("|")}|`);
}

/**
 * A table used to lay a page out, as e-mail newsletters are built: its cells hold headings or tables of
 * their own. Each cell is read as a part of the page, not as a row of data.
 */
function isLayoutTable(table: HTMLElement | null): boolean {
  if (!table) return false;
  const role = table.getAttribute("role");
  return role === "presentation" || role === "none" || table.querySelector("h1,h2,h3,h4,h5,h6,[role=heading],table") !== null;
}

/** A page builder's heading that is not an h1…h6 element: `<div role="heading" aria-level="1">`. */
function ariaHeading(element: HTMLElement): [string, string] | null {
  if (element.getAttribute("role") !== "heading") return null;
  const level = Math.min(6, Math.max(1, Number(element.getAttribute("aria-level") ?? "2") || 2));
  return [String(level), String(level)];
}

/**
 * Text made bold, or printed large, by an inline style rather than a tag, as page builders write their
 * headings ("<p><span style="font-size:18px;font-weight:600">Which tools can I use?</span></p>").
 */
function styledAsHeading(element: HTMLElement): boolean {
  const style = (element.getAttribute("style") ?? "").toLowerCase();
  if (/font-weight\s*:\s*(bold|bolder|[6-9]00)\b/.test(style)) return true;
  const size = /font-size\s*:\s*([\d.]+)(px|pt|em|rem|%)/.exec(style);
  if (!size) return false;
  const value = Number(size[1]);
  return size[2] === "px" ? value >= 18 : size[2] === "pt" ? value >= 14 : size[2] === "%" ? value >= 130 : value >= 1.3;
}

/**
 * A paragraph that is all one bold run ("<p><strong>Approved tools</strong></p>"): the heading of a page, or of
 * a Word document whose headings are bold paragraphs rather than heading styles. Written as a bold line, which
 * the splitter reads as a heading; a bold run inside a sentence stays text.
 */
function boldAlone(element: HTMLElement): boolean {
  const text = inline(element);
  const bold = [element, ...element.querySelectorAll("*")]
    .filter((run) => ["strong", "b"].includes(run.rawTagName?.toLowerCase() ?? "") || styledAsHeading(run))
    .filter((run, _i, runs) => !runs.some((other) => other !== run && other.querySelectorAll("*").includes(run)))
    .map((run) => inline(run))
    .join(" ")
    .trim();
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
