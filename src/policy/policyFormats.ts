// The formats organisations keep policies in, each read as text with its headings kept where the
// format has them: Markdown and plain text as they are, HTML and Word (.docx, as HTML from
// wordHtml.ts) as Markdown-like text (htmlText.ts), OpenDocument text as Markdown-like text (odtText.ts), PDF line
// by line with its headings marked (pdfText.ts), text in a wiki's or a docs tool's markup (MediaWiki,
// AsciiDoc, reStructuredText) as Markdown (textMarkup.ts). Text files are read in the encoding they were
// saved in. A table of contents is left out of every format.
import fs from "node:fs/promises";
import path from "node:path";
import { lookUpWord } from "../domain/wordTable.js";
import { isFieldLine, isTitleLine, marksAHeading, namesAKindOfDocument } from "./policySections.js";
import { pdfText } from "./pdfText.js";
import { wordHtml } from "./wordHtml.js";
import { odtText } from "./odtText.js";
import { fromTextMarkup } from "./textMarkup.js";
import { htmlToText } from "./htmlText.js";

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
  const text = withBoldTitleAsTitle(withNoteLinksAsText(withAdmonitionsAsText(withFrontMatterAsText(asWritten(withoutHtmlTagLines(raw))))));
  const lines = text.split(/\r?\n/);
  const title = lines.findIndex((line) => line.trim() !== "");
  const marked = lines.some((line, i) => (i !== title || !/^#\s/.test(line)) && marksAHeading(line));
  if (marked) return { text, plainText: false };
  return { text: /^#\s/.test(lines[title] ?? "") ? text : plainTextWithTitle(text), plainText: true };
}

/**
 * A page with no "#" title that opens with a line all in bold ("**QLA Design Standard S-07: Generative Imagery**",
 * its headings bold lines too) is titled by that line, as it shows. Headings numbered as sections ("# 1. Purpose")
 * are never a title, so the bold line above them is still one.
 */
function withBoldTitleAsTitle(text: string): string {
  const lines = text.split("\n");
  const first = lines.findIndex((line) => line.trim() !== "");
  const titled = lines.some((line) => /^\s{0,3}#\s/.test(line) && !/^\s{0,3}#\s+\d{1,2}(?:\.\d{1,2})*\.?\s/.test(line));
  if (first < 0 || titled) return text;
  const bold = /^\s*(\*\*|__)([^*_].*?)\1\s*$/.exec(lines[first]!);
  // So too a first line in plain words above a blank line ("LARCHMONT RECRUITMENT LTD — AI INCIDENT … PROCEDURE"
  // over bold-line headings), as a page shows its first line: a title.
  const plain = !bold && /^\p{L}/u.test(lines[first]!.trim()) && isTitleLine(lines[first]!) && (lines[first + 1] ?? "").trim() === "";
  if (!bold && !plain) return text;
  lines[first] = `# ${bold ? bold[2]!.trim() : lines[first]!.trim()}`;
  return lines.join("\n");
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
 * text, Docusaurus' ":::tip" … ":::", GitHub's "> [!NOTE]", GitBook's '{% hint style="warning" %}' and tabs. Read as the text they show ("Warning:
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
    // GitBook's blocks: a hint reads as its kind ("Warning:"), a tab as its title over its text; the other tags show nothing.
    const gitbook = /^\s*\{%\s*(\w+)([^%]*)%\}\s*$/.exec(line);
    if (gitbook) {
      const [, tag, attributes] = gitbook;
      const hint = tag === "hint" ? /style="(\w+)"/.exec(attributes!)?.[1] ?? "info" : undefined;
      const tab = tag === "tab" ? /title="([^"]*)"/.exec(attributes!)?.[1] : undefined;
      if (hint) out.push("", `${hint === "danger" ? "Warning" : `${hint[0]!.toUpperCase()}${hint.slice(1)}`}:`);
      else if (tab) out.push("", `**${tab}**`, "");
      continue;
    }
    if (indented && /^(?: {4}|\t)/.test(line)) {
      out.push(line.replace(/^(?: {4}|\t)/, ""));
      continue;
    }
    if (line.trim() !== "") indented = false;
    out.push(line.replace(/^(\s*>\s*)\[!(\w+)\][+-]?[ \t]*(.*)$/, (_all, quote: string, kind: string, title: string) => `${quote}${kind[0]!.toUpperCase()}${kind.slice(1).toLowerCase()}:${title.trim() ? ` ${title.trim()}` : ""}`));
  }
  return out.join("\n");
}

/**
 * A notes app's links and tags (Obsidian's): "[[AI Acceptable Use Policy|the AUP]]" reads as "the AUP",
 * "[[Clinical AI Standard#6.2 Performance thresholds]]" as "Clinical AI Standard, 6.2 Performance thresholds".
 * In a note with such links, the tags closing a sentence or standing alone ("…before approving it. #near-miss")
 * are the app's index, not the policy's words; elsewhere "#ai-help" is a chat channel and stays.
 */
function withNoteLinksAsText(text: string): string {
  const noteLink = /\[\[([^\]|#]*)(?:#([^\]|]*))?(?:\|([^\]]*))?\]\]/g;
  if (!noteLink.test(text)) return text;
  return text
    .replace(noteLink, (_all, target: string, heading: string | undefined, alias: string | undefined) => alias?.trim() || [target.trim(), heading?.trim()].filter(Boolean).join(", "))
    .replace(/(^|[.!?)])(?:[ \t]*#[A-Za-z][\w/-]*)+[ \t]*$/gm, "$1");
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
/**
 * A contents list typed without page numbers ("Contents" / "1. Purpose and scope" / "2. Definitions"): the
 * lines under a "Contents" heading that each name a heading of the document, two or more of them.
 */
function markTypedContents(lines: string[], inContents: boolean[]): void {
  const words = (line: string) => line.replace(/[#*_|]/g, "").replace(/^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[-•])\s+/, "").replace(/\s+/g, " ").trim().toLowerCase();
  lines.forEach((line, at) => {
    if (!contentsHeading.test(line)) return;
    const headings = new Set(lines.slice(at + 1).filter((later) => /^#{1,6}\s|^\*\*[^*]+\*\*$/.test(later.trim())).map(words));
    const entries: number[] = [];
    for (let next = at + 1; next < lines.length; next++) {
      if (lines[next]!.trim() === "") continue;
      if (/^#{1,6}\s/.test(lines[next]!) || !headings.has(words(lines[next]!))) break; // the first heading itself ends the list
      entries.push(next);
    }
    if (entries.length >= 2) for (const entry of entries) inContents[entry] = true;
  });
}

function withoutContents(text: string): string {
  const lines = text.split("\n");
  const isEntry = lines.map((line) => contentsEntry.test(line) || contentsLink.test(line));
  // An entry counts when the nearest non-blank line before or after it is an entry too.
  const neighbour = (i: number, step: number) => {
    for (let j = i + step; j >= 0 && j < lines.length; j += step) if (lines[j]!.trim() !== "") return isEntry[j]!;
    return false;
  };
  const inContents = isEntry.map((entry, i) => entry && (neighbour(i, -1) || neighbour(i, 1)));
  markTypedContents(lines, inContents);
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
  if (email) return `# ${email.subject}\n${unquoted(email.body)}`;
  const lines = withoutMarkingsAround(text.split(/\r?\n/));
  const first = lines.findIndex((line) => line.trim() !== "");
  if (first < 0) return text;
  let end = first + 1;
  while (end < lines.length && end - first < 4 && isTitleLine(lines[end]!)) end++;
  const block = lines.slice(first, end);
  const titled = block.every(isTitleLine);
  let title = titled ? block.map((line) => line.trim()).join(" – ") : lines[first]!.trim();
  let rest = titled ? lines.slice(end) : lines.slice(first + 1);
  // A title underlined as a heading ("SKYLARK AVIATION: …" over "=====") is still the title; its underline is not text.
  if (/^\s*(=+|-+)\s*$/.test(rest[0] ?? "")) rest = rest.slice(1);
  // "HALDEN ENGINEERING LTD" / blank / "AI STEERING GROUP" / "TERMS OF REFERENCE": a title block in capitals
  // with a blank line in it; a capitals heading over its text ("PURPOSE" / "This policy…") is not one.
  const more = titled ? capitalsTitleLinesAfterABlank(rest) : 0;
  if (more > 0) {
    title = [title, ...rest.slice(1, 1 + more).map((line) => line.trim())].join(" – ");
    rest = rest.slice(1 + more);
  }
  // "GREENWAY HOMES" / blank / "USING AI AT WORK: A QUICK GUIDE…": a letterhead, then after blank lines what the
  // document is (as may be "AI GOVERNANCE FORUM" / blank / "TERMS OF REFERENCE"). A line that does not say what
  // kind of document it is, nor stands over one that does, is the first section's heading ("PURPOSE").
  if (titled && !namesAKindOfDocument(title)) {
    const taken = titleLinesNamingTheDocument(rest);
    if (taken.lines.length > 0) {
      title = [title, ...taken.lines].join(" – ");
      rest = rest.slice(taken.end);
    }
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
/**
 * A reply that carries the document as the quoted original ("> " before each of its lines, as mail programs
 * quote): the original is read without the marks, and without its own header ("From:", "Sent:") and the
 * line that introduces it ("-----Original Message-----", "On 4 March, Sam wrote:").
 */
function unquoted(body: string): string {
  const lines = body.split("\n");
  const quoted = lines.filter((line) => /^\s*>/.test(line)).length;
  if (quoted < 5 || quoted < lines.filter((line) => line.trim() !== "").length / 2) return body;
  return lines
    .filter((line) => !/^\s*-{2,}\s*(?:original message|forwarded message)\s*-{2,}\s*$/i.test(line) && !/^\s*on .{4,80} wrote:\s*$/i.test(line))
    .map((line) => line.replace(/^\s*(?:>[ \t]?)+/, ""))
    .filter((line) => !emailField.test(line))
    .join("\n");
}

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

/**
 * The title lines, each after one or two blank lines, up to the first that names a kind of document (at most
 * three lines; those before it in capitals); none when no such line comes before the text starts.
 */
function titleLinesNamingTheDocument(lines: string[]): { lines: string[]; end: number } {
  const taken: string[] = [];
  let at = 0;
  while (taken.length < 3) {
    const blanks = lines.slice(at, at + 3).findIndex((line) => line.trim() !== "");
    if (blanks < 1 || blanks > 2) break;
    const line = lines[at + blanks]!;
    if (!isTitleLine(line) || isFieldLine(line)) break;
    taken.push(line.trim());
    at += blanks + 1;
    if (namesAKindOfDocument(line)) return { lines: taken, end: at };
    if (!isCapitals(line)) break;
  }
  return { lines: [], end: 0 };
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
