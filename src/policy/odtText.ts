// An OpenDocument text (.odt, as LibreOffice saves by default) as Markdown-like text: its Title as the
// title, its headings at their outline level with the numbers the outline numbering draws, lists as
// items, tables as rows, bold paragraphs as bold lines. The table of contents and footnotes are left
// out. fflate and the parser are loaded only when a folder holds such a document.
import fs from "node:fs/promises";
import type { HTMLElement, Node } from "node-html-parser";

interface OdtStyles {
  /** Automatic and named paragraph styles: their parent, and whether they print in bold. */
  parent: Map<string, string>;
  bold: Set<string>;
  /** Per outline level (1…10): whether it is numbered, and how many levels its number shows. */
  outline: Map<number, { numbered: boolean; levels: number }>;
}

export async function odtText(file: string): Promise<string> {
  const [{ unzipSync, strFromU8 }, { parse }] = await Promise.all([import("fflate"), import("node-html-parser")]);
  const parts = unzipSync(await fs.readFile(file), { filter: (entry) => entry.name === "content.xml" || entry.name === "styles.xml" });
  if (!parts["content.xml"]) throw new Error("no content.xml: not an OpenDocument text");
  const content = parse(strFromU8(parts["content.xml"]));
  const styles = readStyles([content, ...(parts["styles.xml"] ? [parse(strFromU8(parts["styles.xml"]))] : [])]);
  const body = content.querySelector("office\\:text") ?? content;
  const lines: string[] = [];
  new OdtWriter(styles, lines).block(body);
  return lines.join("\n").replace(/\n{3,}/g, "\n\n");
}

function readStyles(documents: HTMLElement[]): OdtStyles {
  const styles: OdtStyles = { parent: new Map(), bold: new Set(), outline: new Map() };
  for (const document of documents) {
    for (const style of document.querySelectorAll("style\\:style")) {
      const name = style.getAttribute("style:name");
      if (!name) continue;
      const parent = style.getAttribute("style:parent-style-name");
      if (parent) styles.parent.set(name, parent);
      if (/^(bold|[6-9]00)$/.test(style.querySelector("style\\:text-properties")?.getAttribute("fo:font-weight") ?? "")) styles.bold.add(name);
    }
    for (const level of document.querySelectorAll("text\\:outline-level-style")) {
      const format = level.getAttribute("style:num-format") ?? "";
      styles.outline.set(Number(level.getAttribute("text:level")), { numbered: format !== "", levels: Number(level.getAttribute("text:display-levels") ?? "1") });
    }
  }
  return styles;
}

class OdtWriter {
  /** The outline numbering's counters, one per level. */
  private readonly counters: number[] = [];

  constructor(
    private readonly styles: OdtStyles,
    private readonly lines: string[],
  ) {}

  block(node: HTMLElement, depth = 0): void {
    for (const child of node.childNodes) {
      if (!isElement(child)) continue;
      const tag = child.rawTagName;
      if (tag === "text:h") this.heading(child);
      else if (tag === "text:p") this.paragraph(child);
      else if (tag === "text:list") this.list(child, depth);
      else if (tag === "table:table") this.table(child);
      else if (tag === "text:table-of-content" || tag === "text:tracked-changes" || tag === "office:forms") continue;
      else this.block(child, depth);
    }
  }

  private heading(element: HTMLElement): void {
    const text = inline(element);
    if (!text) return;
    const level = Math.max(1, Number(element.getAttribute("text:outline-level") ?? "1"));
    const number = element.getAttribute("text:is-list-header") === "true" ? "" : this.numberAt(level);
    this.lines.push("", `${"#".repeat(Math.min(6, level + 1))} ${number ? `${number} ` : ""}${text}`, "");
  }

  /** The number the outline numbering draws at this level ("3.1"), counting this heading; "" when unnumbered. */
  private numberAt(level: number): string {
    const outline = this.styles.outline.get(level);
    if (!outline?.numbered) return "";
    this.counters[level] = (this.counters[level] ?? 0) + 1;
    this.counters.length = level + 1;
    const first = Math.max(1, level - outline.levels + 1);
    return Array.from({ length: level - first + 1 }, (_, i) => this.counters[first + i] ?? 1).join(".");
  }

  private paragraph(element: HTMLElement): void {
    const text = inline(element);
    if (!text) return;
    const style = element.getAttribute("text:style-name") ?? "";
    if (this.inherits(style, "Title")) this.lines.push("", `# ${text}`, "");
    else if (text.length <= 100 && !/[.;,]$/.test(text) && this.isBold(element, style)) this.lines.push("", `**${text}**`, "");
    else this.lines.push("", text, "");
  }

  private list(element: HTMLElement, depth: number): void {
    for (const item of element.childNodes.filter(isElement)) {
      if (item.rawTagName !== "text:list-item" && item.rawTagName !== "text:list-header") continue;
      for (const part of item.childNodes.filter(isElement)) {
        if (part.rawTagName === "text:list") this.list(part, depth + 1);
        else {
          const text = inline(part);
          if (text) this.lines.push(`${"  ".repeat(depth)}- ${text}`);
        }
      }
    }
    this.lines.push("");
  }

  private table(element: HTMLElement): void {
    this.lines.push("");
    for (const row of element.querySelectorAll("table\\:table-row")) {
      const cells = row.childNodes.filter((cell): cell is HTMLElement => isElement(cell) && cell.rawTagName === "table:table-cell");
      this.lines.push(`| ${cells.map((cell) => inline(cell).replace(/\|/g, "/")).join(" | ")} |`);
    }
    this.lines.push("");
  }

  private inherits(style: string, named: string): boolean {
    for (let at: string | undefined = style, hops = 0; at && hops < 10; at = this.styles.parent.get(at), hops++) if (at === named) return true;
    return false;
  }

  /** Bold by its paragraph style (or the style it is based on), or every word of it in bold spans. */
  private isBold(element: HTMLElement, style: string): boolean {
    for (let at: string | undefined = style, hops = 0; at && hops < 10; at = this.styles.parent.get(at), hops++) if (this.styles.bold.has(at)) return true;
    const spans = element.querySelectorAll("text\\:span").filter((span) => this.styles.bold.has(span.getAttribute("text:style-name") ?? ""));
    return spans.length > 0 && spans.map((span) => inline(span)).join("").replace(/\s+/g, "") === inline(element).replace(/\s+/g, "");
  }
}

function isElement(node: Node): node is HTMLElement {
  return node.nodeType === 1;
}

/** An element's text on one line: spaces, tabs and line breaks as spaces, footnotes and annotations left out. */
function inline(node: Node): string {
  return spaced(node).replace(/\s+/g, " ").trim();
}

function spaced(node: Node): string {
  if (!isElement(node)) return node.text;
  switch (node.rawTagName) {
    case "text:s":
      return " ".repeat(Number(node.getAttribute("text:c") ?? "1"));
    case "text:tab":
    case "text:line-break":
      return " ";
    case "text:note":
    case "office:annotation":
    case "text:bookmark-ref":
      return "";
    default:
      return node.childNodes.map(spaced).join("");
  }
}
