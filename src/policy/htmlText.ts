// HTML as Markdown-like text, for the policy reader: a page saved from an intranet or a wiki, an e-mail
// newsletter, a Word document saved as a web page, and the HTML mammoth makes of a .docx. Headings
// become "#" lines, lists items, data tables rows; the site around the document is left out.
import { parse, type HTMLElement, NodeType, type Node } from "node-html-parser";

/** HTML as Markdown-like lines: h1…h6 as "#" headings, list items, table rows, paragraphs. */
export function htmlToText(html: string): string {
  const root = parse(html, { blockTextElements: { script: false, style: false, noscript: false } });
  withClassStylesInline(root, html);
  keepOnlyTheDocumentsTitleStyle(root);
  const lines: string[] = [];
  const pageTitle = inline(root.querySelector("title") ?? parse(""));
  walk(documentPart(root.querySelector("body") ?? root, pageTitle), lines);
  // No title heading (a Word document typed without the Title style): its first line, all in bold, is its title,
  // with the bold lines right below it that stand over another bold line or a table, not over text (a cover's
  // "WYVERN VALLEY POLICE" / "Use of AI Tools" / "Procedure" above its document-control table).
  const bold = (line: string | undefined) => /^\*\*[^*]+\*\*$/.test(line ?? "");
  const filled = lines.map((line, at) => ({ line, at })).filter(({ line }) => line.trim() !== "");
  // So too above headings numbered as sections ("# 1. Purpose and scope"), which a document's title never is.
  const firstHeading = lines.find((line) => line.startsWith("# "));
  if (filled.length > 0 && (!firstHeading || /^# \d{1,2}(?:\.\d{1,2})*\.?\s/.test(firstHeading)) && bold(filled[0]!.line)) {
    let last = 0;
    while (bold(filled[last + 1]?.line) && (bold(filled[last + 2]?.line) || filled[last + 2]?.line.startsWith("|"))) last++;
    const title = filled.slice(0, last + 1).map(({ line }) => line.slice(2, -2).trim());
    for (const { at } of filled.slice(1, last + 1)) lines[at] = "";
    lines[filled[0]!.at] = `# ${title.join(" – ")}`;
  }
  // A page with no h1 (an e-mail newsletter, whose headings start at h2) is titled by its <title>.
  if (pageTitle && !lines.some((line) => line.startsWith("# "))) lines.unshift(`# ${pageTitle}`, "");
  // A line of icons alone (a Notion page's "⚖️", a callout's "💡") says nothing; a table's rule stays.
  const saysSomething = (line: string) => line.trim() === "" || /[\p{L}\p{N}]/u.test(line) || /^\s*\|/.test(line);
  return lines.filter(saysSomething).join("\n").replace(/\n{3,}/g, "\n\n");
}

/**
 * Styles a page gives by class in its <style> block (".c1{font-weight:700}", ".title{font-size:26pt}", as a
 * Google Docs export writes every bold run and its Title), copied in front of each element's own style, so
 * that text in bold or in a large size reads as it does when styled inline.
 */
function withClassStylesInline(root: HTMLElement, html: string): void {
  const byClass = new Map<string, string>();
  for (const [, sheet] of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)) {
    for (const [, selectors, declarations] of sheet!.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      for (const selector of selectors!.split(",")) {
        const className = /^\s*(?:[a-z][a-z0-9]*)?\.([\w-]+)\s*$/i.exec(selector)?.[1];
        if (className) byClass.set(className, `${byClass.get(className) ?? ""}${declarations};`);
      }
    }
  }
  if (byClass.size === 0) return;
  for (const element of root.querySelectorAll("[class]")) {
    const inherited = (element.getAttribute("class") ?? "").split(/\s+/).map((name) => byClass.get(name) ?? "").join("");
    if (inherited) element.setAttribute("style", `${inherited}${element.getAttribute("style") ?? ""}`);
  }
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
  const inThePart = title !== undefined && main.querySelectorAll("h1").includes(title); // a Notion export's article holds its title
  if (title && !inThePart && !title.closest("nav, header[role=banner]") && (!main.querySelector("h1") || isThePagesTitle(title, pageTitle))) main.insertAdjacentHTML("afterbegin", `<h1>${title.innerHTML}</h1>`);
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
    const heading = /^h([1-6])$/.exec(tag) ?? ariaHeading(element) ?? (tag === "p" && isTitleStyle(element) ? ["1", "1"] : null);
    if (heading) lines.push("", `${"#".repeat(Number(heading[1]))} ${inline(element)}`, "");
    else if (tag === "li") listItem(element, lines);
    else if (tag === "p" && isWordListParagraph(element)) lines.push(wordListItem(inline(element)));
    else if (tag === "tr" && !isLayoutTable(element.closest("table"))) tableRow(element, lines);
    else if (tag === "table" || tag === "td" || tag === "th") {
      lines.push("");
      walk(element, lines);
      lines.push("");
    } else if (blockTags.has(tag) && !element.querySelector("p,div,table,ul,ol,h1,h2,h3,h4,h5,h6")) lines.push("", boldAlone(element) && !isSubtitleStyle(element) ? `**${inline(element)}**` : inline(element), "");
    else if (tag === "br") continue;
    else walk(element, lines);
  }
  endLine();
}

/**
 * Only the paragraph in the Title style that opens the document, ahead of any heading, is its title: elsewhere
 * a class named "title" is a site's own (a news card's "<p class="title">"), which says nothing of the document.
 */
function keepOnlyTheDocumentsTitleStyle(root: HTMLElement): void {
  const isHeading = (element: HTMLElement) => /^h[1-6]$/i.test(element.rawTagName);
  const titled = root.querySelectorAll("*").filter((element) => isHeading(element) || (element.rawTagName.toLowerCase() === "p" && isTitleStyle(element)));
  const opening = titled[0] && !isHeading(titled[0]) ? titled[0] : undefined;
  for (const element of titled) {
    if (element !== opening && isTitleStyle(element)) element.setAttribute("class", (element.getAttribute("class") ?? "").replace(/(?:^|\s)(?:MsoTitle|title)(?=\s|$)/g, " ").trim());
  }
}

/** A paragraph in the Title style: Word's "Web Page, Filtered" class MsoTitle, a Google Docs export's class title. */
const isTitleStyle = (element: HTMLElement) => /(?:^|\s)(?:MsoTitle|title)(?:\s|$)/.test(element.getAttribute("class") ?? "");

/** A paragraph in the Subtitle style, large but no heading: it says what the document is, under its title ("Version 2.1 · Effective 3 March"). */
const isSubtitleStyle = (element: HTMLElement) => /(?:^|\s)(?:MsoSubtitle|subtitle)(?:\s|$)/.test(element.getAttribute("class") ?? "");

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
