// Policies written in a wiki's or a docs-as-code tool's markup and saved as text: MediaWiki ("== Scope ==",
// "{| class=wikitable"), Confluence's and Jira's wiki markup ("h2. Membership", "||Role||Vote||"), AsciiDoc ("= Title", ":revnumber: 1.4", "|===") and reStructuredText (titles
// underlined with "=", "-" or "~", the document's title with a line above it too). Each is read as
// Markdown, so that its headings are headings, its tables rows and its lists items; markup that says
// nothing (templates' names, block attributes, delimiters, "__TOC__") is left out.

/** Markdown for a text in one of these markups, or undefined when the text is in none of them. */
export function fromTextMarkup(text: string): string | undefined {
  const lines = text.split(/\r?\n/);
  if (isConfluenceWiki(lines)) return fromConfluenceWiki(lines);
  if (isMediaWiki(lines)) return fromMediaWiki(lines);
  if (isAsciiDoc(lines)) return fromAsciiDoc(lines);
  if (isRestructuredText(lines)) return fromRestructuredText(lines);
  return undefined;
}

// MediaWiki ------------------------------------------------------------------------------------------

const wikiHeading = /^(={1,6})\s*([^=].*?)\s*\1\s*$/;

function isMediaWiki(lines: string[]): boolean {
  const headings = lines.filter((line) => wikiHeading.test(line)).length;
  const markup = lines.some((line) => /^\{\||'''|\[\[|^\{\{|^__[A-Z]+__$/.test(line));
  return headings >= 2 || (headings === 1 && markup);
}

function fromMediaWiki(lines: string[]): string {
  const out: string[] = [];
  const numbers: number[] = [];
  const source = withoutWikiTemplates(lines.join("\n")).split("\n");
  for (let i = 0; i < source.length; i++) {
    const line = source[i]!;
    if (/^\{\|/.test(line)) {
      i = wikiTable(source, i, out);
      continue;
    }
    const heading = wikiHeading.exec(line);
    if (heading) out.push("", `${"#".repeat(heading[1]!.length)} ${wikiInline(heading[2]!)}`, "");
    else if (/^__[A-Z]+__$/.test(line.trim()) || /^-{4,}\s*$/.test(line)) out.push("");
    else out.push(...wikiLine(line, numbers));
  }
  return out.join("\n");
}

/**
 * Templates: a notice's text stays ("{{Notice|This page is guidance.}}" → "This page is guidance."), an
 * infobox's fields become "Owner: Information Governance" lines; the template's name says nothing.
 */
function withoutWikiTemplates(text: string): string {
  let previous = "";
  let result = text;
  // Innermost first, so that a template inside another one is read before its parent.
  while (result !== previous) {
    previous = result;
    result = result.replace(/\{\{([^{}]*)\}\}/g, (_all, body: string) => {
      const [, ...parameters] = body.split("|");
      return parameters
        .map((parameter) => {
          const named = /^\s*([\w ]+?)\s*=\s*([\s\S]*)$/.exec(parameter);
          const value = (named ? named[2]! : parameter).trim();
          if (!value) return "";
          return named ? `${named[1]![0]!.toUpperCase()}${named[1]!.slice(1)}: ${value}` : value;
        })
        .filter(Boolean)
        .join("\n");
    });
  }
  return result;
}

/** A wiki table ("{|" … "|}") as Markdown rows, its header cells ("!") as the header; returns the line it ends on. */
function wikiTable(lines: string[], start: number, out: string[]): number {
  const rows: { cells: string[]; header: boolean }[] = [];
  let row: { cells: string[]; header: boolean } | undefined;
  let i = start + 1;
  for (; i < lines.length && !/^\|\}/.test(lines[i]!); i++) {
    const line = lines[i]!;
    if (/^\|-/.test(line) || /^\|\+/.test(line)) {
      row = undefined;
      continue;
    }
    const cells = /^[!|]/.exec(line);
    if (!cells) {
      // A cell's text that goes on below its line.
      if (row && line.trim()) row.cells[row.cells.length - 1] += ` ${line.trim()}`;
      continue;
    }
    const header = line.startsWith("!");
    if (!row) rows.push((row = { cells: [], header }));
    row.header &&= header;
    row.cells.push(...line.slice(1).split(header ? /!!|\|\|/ : /\|\|/).map(wikiCell));
  }
  out.push("");
  rows.forEach((entry, at) => {
    out.push(`| ${entry.cells.map((cell) => cell.replace(/\|/g, "/")).join(" | ")} |`);
    if (at === 0 && entry.header) out.push(`|${entry.cells.map(() => "---").join("|")}|`);
  });
  out.push("");
  return i;
}

/** A cell's text without its attributes ('style="width:20%" | Copilot' → "Copilot"). */
function wikiCell(cell: string): string {
  const attributed = /^\s*[\w-]+\s*=\s*"[^"]*"(?:\s+[\w-]+\s*=\s*"[^"]*")*\s*\|(?!\|)(.*)$/.exec(cell);
  return wikiInline(attributed ? attributed[1]! : cell);
}

/** A line of text: lists as Markdown lists, a definition list's term in bold, links as their words. */
function wikiLine(line: string, numbers: number[]): string[] {
  const list = /^([*#]+)\s*(.*)$/.exec(line);
  if (list) return [listLine(list[1]!.length - 1, list[1]!.endsWith("#"), wikiInline(list[2]!), numbers)];
  numbers.length = 0;
  const term = /^;\s*([^:]*?)\s*(?::\s*(.*))?$/.exec(line);
  if (term) return term[2] ? [`**${wikiInline(term[1]!)}**`, wikiInline(term[2])] : ["", `**${wikiInline(term[1]!)}**`];
  const definition = /^:+\s*(.*)$/.exec(line);
  if (definition) return [wikiInline(definition[1]!)];
  return [wikiInline(line)];
}

function wikiInline(text: string): string {
  return text
    .replace(/<ref[^>]*\/>|<ref[^>]*>[\s\S]*?<\/ref>/g, "")
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/\[\[(?:File|Image|Category):[^\]]*\]\]/gi, "")
    .replace(/\[\[[^\]|]*\|([^\]]*)\]\]/g, "$1")
    .replace(/\[\[([^\]]*)\]\]/g, "$1")
    .replace(/\[(?:https?|mailto):[^\s\]]+\s+([^\]]+)\]/g, "$1")
    .replace(/\[((?:https?|mailto):[^\s\]]+)\]/g, "$1")
    .replace(/'''(.*?)'''/g, "**$1**")
    .replace(/''(.*?)''/g, "$1")
    .trim();
}

// Confluence and Jira wiki markup -------------------------------------------------------------------

const confluenceHeading = /^h([1-6])\.\s+(\S.*?)\s*$/;
/** A macro's tag on a line of its own: "{panel:title=Note}", "{info}", "{code:java}", "{panel}". */
const confluenceMacro = /^\s*\{(panel|info|note|warning|tip|expand|quote|code|noformat|section|column|toc)(?::([^}]*))?\}\s*$/i;

function isConfluenceWiki(lines: string[]): boolean {
  const headings = lines.filter((line) => confluenceHeading.test(line)).length;
  const markup = lines.some((line) => /^\|\|.*\|\|\s*$/.test(line) || confluenceMacro.test(line));
  return headings >= 2 || (headings === 1 && markup);
}

function fromConfluenceWiki(lines: string[]): string {
  const out: string[] = [];
  const numbers: number[] = [];
  /** The macros opened and not yet closed. */
  const open = new Set<string>();
  let inCode = false;
  for (const line of lines) {
    const macro = confluenceMacro.exec(line);
    if (macro && /^(code|noformat)$/i.test(macro[1]!)) {
      inCode = !inCode;
      out.push("```");
      continue;
    }
    if (inCode) {
      out.push(line);
      continue;
    }
    const heading = confluenceHeading.exec(line);
    if (heading) {
      numbers.length = 0;
      out.push("", `${"#".repeat(Number(heading[1]))} ${confluenceInline(heading[2]!)}`, "");
    } else if (macro) {
      // A macro's tag opens it, and the same tag again closes it: an opening panel or note shows its title, or
      // the kind of note it is ("Note:"); a closing tag shows nothing.
      const kind = macro[1]!.toLowerCase();
      if (open.delete(kind)) continue;
      open.add(kind);
      const title = /(?:^|\|)title=([^|]*)/.exec(macro[2] ?? "")?.[1]?.trim();
      if (title) out.push("", `${title}:`);
      else if (/^(info|note|warning|tip)$/.test(kind)) out.push("", `${kind[0]!.toUpperCase()}${kind.slice(1)}:`);
    } else if (/^\|\|/.test(line)) {
      const cells = line.trim().replace(/^\|\||\|\|$/g, "").split("||").map(confluenceInline);
      out.push(`| ${cells.join(" | ")} |`, `|${cells.map(() => "---").join("|")}|`);
    } else if (/^\|/.test(line)) {
      out.push(`| ${line.trim().replace(/^\||\|$/g, "").split("|").map(confluenceInline).join(" | ")} |`);
    } else {
      const list = /^([*#-]+)\s+(.*)$/.exec(line);
      if (list) out.push(listLine(list[1]!.length - 1, list[1]!.endsWith("#"), confluenceInline(list[2]!), numbers));
      else {
        numbers.length = 0;
        out.push(/^-{4,}\s*$/.test(line) ? "" : confluenceInline(line.replace(/^bq\.\s+/, "> ")));
      }
    }
  }
  return out.join("\n");
}

function confluenceInline(text: string): string {
  return text
    .replace(/\{color(?::[^}]*)?\}/g, "")
    .replace(/\[([^|\]]+)\|[^\]]+\]/g, "$1")
    .replace(/\[(?:~)?([^\]]+)\]/g, "$1")
    .replace(/(^|[\s(])\*([^*\s][^*]*?)\*(?=$|[\s).,;:!?])/g, "$1**$2**")
    .replace(/(^|[\s(])_([^_\s][^_]*?)_(?=$|[\s).,;:!?])/g, "$1$2")
    .trim();
}

// AsciiDoc -------------------------------------------------------------------------------------------

const asciiDocHeading = /^(={1,6})\s+(\S.*?)\s*$/;
const asciiDocAttribute = /^:([\w-]+!?):\s*(.*)$/;

function isAsciiDoc(lines: string[]): boolean {
  const first = lines.find((line) => line.trim() !== "") ?? "";
  const headings = lines.filter((line) => asciiDocHeading.test(line) && !wikiHeading.test(line)).length;
  return (/^=\s+\S/.test(first) && headings >= 2) || headings >= 3 || (headings >= 1 && lines.some((line) => /^\|===\s*$/.test(line)));
}

/** Block delimiters (example, sidebar, listing, literal, quote, open, passthrough blocks): no text of their own. */
const asciiDocDelimiter = /^(?:={4,}|\*{4,}|-{4,}|\.{4,}|_{4,}|\+{4,}|--)\s*$/;
const admonition = /^\[(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*$/;

function fromAsciiDoc(lines: string[]): string {
  const attributes = new Map<string, string>();
  for (const line of lines) {
    const attribute = asciiDocAttribute.exec(line);
    if (attribute) attributes.set(attribute[1]!, attribute[2]!.trim());
  }
  const substituted = lines.map((line) => line.replace(/\{([\w-]+)\}/g, (all, name: string) => attributes.get(name) ?? all));
  const out: string[] = [];
  const numbers: number[] = [];
  let label: string | undefined;
  let columns: number | undefined;
  let header = false;
  let inComment = false;
  for (let i = 0; i < substituted.length; i++) {
    const line = substituted[i]!;
    if (/^\/{4,}\s*$/.test(line)) {
      inComment = !inComment;
      continue;
    }
    if (inComment || /^\/\/(?!\/)/.test(line)) continue;
    const heading = asciiDocHeading.exec(line);
    if (heading) {
      numbers.length = 0;
      out.push("", `${"#".repeat(heading[1]!.length)} ${asciiDocInline(heading[2]!)}`, "");
      // The revision a document's header gives is its version, which a citation names.
      if (heading[1]!.length === 1 && attributes.has("revnumber")) out.push(`Version ${attributes.get("revnumber")}`, "");
      continue;
    }
    if (asciiDocAttribute.test(line)) continue;
    const block = /^\[([^\]]*)\]\s*$/.exec(line);
    if (block) {
      const kind = admonition.exec(line);
      if (kind) label = `${kind[1]![0]}${kind[1]!.slice(1).toLowerCase()}`;
      columns = columnsOf(block[1]!) ?? columns;
      header ||= /options\s*=\s*"?[^"\]]*header/.test(block[1]!);
      continue;
    }
    if (/^\|===\s*$/.test(line)) {
      i = asciiDocTable(substituted, i, out, columns, header);
      columns = undefined;
      header = false;
      continue;
    }
    if (asciiDocDelimiter.test(line)) continue;
    if (line.trim() === "") {
      out.push("");
      continue;
    }
    let text = asciiDocListLine(line, numbers) ?? line;
    if (!/^\s*(?:-|\d+\.)\s/.test(text)) numbers.length = 0;
    text = text.replace(/^(NOTE|TIP|IMPORTANT|WARNING|CAUTION):\s+/, (_all, kind: string) => `${kind[0]}${kind.slice(1).toLowerCase()}: `);
    text = text.replace(/^([^:]{1,60}?)::\s+/, "$1: ").replace(/^\.(?=[A-Za-z])/, "");
    if (label) {
      text = `${label}: ${text}`;
      label = undefined;
    }
    out.push(asciiDocInline(text));
  }
  return out.join("\n");
}

/** How many columns a table's `cols` attribute gives ("1,3" → 2, "3*" → 3). */
function columnsOf(attributes: string): number | undefined {
  const cols = /cols\s*=\s*"([^"]*)"/.exec(attributes)?.[1];
  if (!cols) return undefined;
  const repeated = /^(\d+)\*/.exec(cols);
  return repeated ? Number(repeated[1]) : cols.split(",").length;
}

/** A "|===" table as Markdown rows: cells start at a "|", a row holds as many cells as there are columns. */
function asciiDocTable(lines: string[], start: number, out: string[], declared: number | undefined, header: boolean): number {
  const cells: string[] = [];
  let end = start + 1;
  let firstLine: number | undefined;
  for (; end < lines.length && !/^\|===\s*$/.test(lines[end]!); end++) {
    const line = lines[end]!;
    if (!line.trim()) continue;
    if (line.trimStart().startsWith("|")) {
      const parts = line.trim().slice(1).split(/\s*(?<!\\)\|/);
      firstLine ??= parts.length;
      cells.push(...parts.map((cell) => cell.trim()));
    } else if (cells.length > 0) cells[cells.length - 1] += ` ${line.trim()}`;
  }
  const columns = declared ?? firstLine ?? 1;
  // A first line holding a whole row, a blank line under it, is the table's header.
  const firstRowLine = lines.slice(start + 1).findIndex((line) => line.trim() !== "") + start + 1;
  header ||= firstLine === columns && (lines[firstRowLine + 1] ?? "").trim() === "" && columns > 1 && declared === undefined;
  out.push("");
  for (let at = 0; at < cells.length; at += columns) {
    const row = cells.slice(at, at + columns).map((cell) => asciiDocInline(cell).replace(/\|/g, "/"));
    out.push(`| ${row.join(" | ")} |`);
    if (at === 0 && header) out.push(`|${row.map(() => "---").join("|")}|`);
  }
  out.push("");
  return end;
}

/** "* item", "** nested", ". step", ".. sub-step" as Markdown list items, steps numbered as a reader sees them. */
function asciiDocListLine(line: string, numbers: number[]): string | undefined {
  const bullet = /^(\*{1,5}|-)\s+(.*)$/.exec(line);
  if (bullet) return listLine(bullet[1] === "-" ? 0 : bullet[1]!.length - 1, false, bullet[2]!, numbers);
  const step = /^(\.{1,5})\s+(.*)$/.exec(line);
  return step ? listLine(step[1]!.length - 1, true, step[2]!, numbers) : undefined;
}

/** A Markdown list item at a depth; numbered items count on from the item before at their depth. */
function listLine(depth: number, numbered: boolean, text: string, numbers: number[]): string {
  numbers.length = depth + 1;
  if (!numbered) return `${"   ".repeat(depth)}- ${text}`;
  numbers[depth] = (numbers[depth] ?? 0) + 1;
  return `${"   ".repeat(depth)}${numbers[depth]}. ${text}`;
}

function asciiDocInline(text: string): string {
  return text
    .replace(/<<[^,>]*,([^>]*)>>/g, "$1")
    .replace(/<<([^>]*)>>/g, "$1")
    .replace(/(?:link:|xref:|mailto:)?((?:https?:\/\/)?[^\s[\]]+)\[([^\]]*)\]/g, (_all, target: string, words: string) => words || target)
    .replace(/(^|[\s(])\*([^*\s][^*]*?)\*(?=$|[\s).,;:!?])/g, "$1**$2**");
}

// reStructuredText -----------------------------------------------------------------------------------

const adornment = /^([=\-~^*+#"'`:.])\1{2,}\s*$/;

/** A title's underline, or its overline and underline, and the text between. */
function isRestructuredText(lines: string[]): boolean {
  const overlined = lines.some((line, i) => adornment.test(line) && i + 2 < lines.length && lines[i + 2]!.trim() === line.trim() && lines[i + 1]!.trim() !== "");
  const underlines = new Set(lines.filter((line, i) => i > 0 && adornment.test(line) && lines[i - 1]!.trim() !== "" && !adornment.test(lines[i - 1]!)).map((line) => line.trim()[0]));
  return overlined || [...underlines].some((character) => character !== "=" && character !== "-");
}

function fromRestructuredText(lines: string[]): string {
  // The levels follow the order in which each adornment first appears, as in reStructuredText itself.
  const styles: string[] = [];
  const levelOf = (style: string) => (styles.includes(style) ? styles.indexOf(style) : styles.push(style) - 1) + 1;
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const over = adornment.test(line) && lines[i + 1]?.trim() && lines[i + 2]?.trim() === line.trim();
    if (over) {
      out.push("", `${"#".repeat(Math.min(6, levelOf(`over${line.trim()[0]}`)))} ${lines[i + 1]!.trim()}`, "");
      i += 2;
      continue;
    }
    const under = lines[i + 1];
    if (line.trim() && !adornment.test(line) && under !== undefined && adornment.test(under) && under.trim().length >= line.trim().length - 2) {
      out.push("", `${"#".repeat(Math.min(6, levelOf(under.trim()[0]!)))} ${line.trim()}`, "");
      i += 1;
      continue;
    }
    out.push(line.replace(/^(\s*)\*\s/, "$1- ").replace(/``([^`]+)``/g, "$1"));
  }
  return out.join("\n");
}
