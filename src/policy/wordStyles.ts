// The paragraph styles of a Word document (word/styles.xml), as the readers of its structure need them:
// each style's name, the style it is based on, its list (numbering) and its outline level. Read with
// regular expressions over WordprocessingML, which Word and LibreOffice both write in one shape.
import { strFromU8, unzipSync } from "fflate";

export interface ParagraphStyle {
  name: string;
  basedOn?: string;
  numbering?: { numId: string; level?: number };
  /** Word's outline level (0 for a top heading): the level a heading style has in the navigation pane. */
  outlineLevel?: number;
}

/** Word's built-in heading styles ("heading 1"…), and the Title. */
export function isHeadingStyle(name: string | undefined): boolean {
  return !!name && /^(heading [1-9]|title)$/i.test(name);
}

export function readStyles(xml: string): Map<string, ParagraphStyle> {
  const styles = new Map<string, ParagraphStyle>();
  for (const [element, opening] of xml.matchAll(/(<w:style\b[^>]*>)[\s\S]*?<\/w:style>/g)) {
    const id = attribute(opening, "w:styleId");
    if (!id || attribute(opening, "w:type") !== "paragraph") continue;
    const numbering = numberingOf(/<w:numPr>[\s\S]*?<\/w:numPr>/.exec(element!)?.[0]);
    const outline = valueOf(element!, "w:outlineLvl");
    styles.set(id, {
      name: attribute(/<w:name\b[^>]*>/.exec(element!)?.[0], "w:val") ?? id,
      ...optional("basedOn", attribute(/<w:basedOn\b[^>]*>/.exec(element!)?.[0], "w:val")),
      ...optional("numbering", numbering),
      ...optional("outlineLevel", outline === undefined ? undefined : Number(outline)),
    });
  }
  return styles;
}

/** A style's list, from it or the style it is based on. */
export function styleNumbering(styles: Map<string, ParagraphStyle>, styleId: string, seen = new Set<string>()): ParagraphStyle["numbering"] {
  const style = styles.get(styleId);
  if (!style || seen.has(styleId)) return undefined;
  seen.add(styleId);
  return style.numbering ?? (style.basedOn ? styleNumbering(styles, style.basedOn, seen) : undefined);
}

/**
 * A style's heading level (0 for the top), from its outline level or the built-in heading it is based on:
 * an organisation's template often has its own heading styles ("Acme Heading 1", based on Heading 1).
 * Outline level 9 is Word's "body text".
 */
export function headingLevel(styles: Map<string, ParagraphStyle>, styleId: string, seen = new Set<string>()): number | undefined {
  const style = styles.get(styleId);
  if (!style || seen.has(styleId)) return undefined;
  seen.add(styleId);
  const builtIn = /^heading ([1-9])$/i.exec(style.name);
  if (builtIn) return Number(builtIn[1]) - 1;
  if (style.outlineLevel !== undefined) return style.outlineLevel < 9 ? style.outlineLevel : undefined;
  return style.basedOn ? headingLevel(styles, style.basedOn, seen) : undefined;
}

/** The parts of a .docx its structure is read from, as text ("" when a part is missing). */
export interface WordParts {
  document: string;
  styles: string;
  numbering: string;
}

export function wordParts(docx: Uint8Array): WordParts {
  const names = { document: "word/document.xml", styles: "word/styles.xml", numbering: "word/numbering.xml" };
  const parts = unzipSync(docx, { filter: (file) => Object.values(names).includes(file.name) });
  const text = (name: string) => (parts[name] ? strFromU8(parts[name]) : "");
  return { document: text(names.document), styles: text(names.styles), numbering: text(names.numbering) };
}

/** Every paragraph style that is a heading, with its level (0 for the top): built-in or the organisation's own. */
export function headingStyles(styles: Map<string, ParagraphStyle>): { name: string; level: number }[] {
  return [...styles.keys()].flatMap((id) => {
    const level = headingLevel(styles, id);
    return level === undefined ? [] : [{ name: styles.get(id)!.name, level }];
  });
}

export function numberingOf(numPr: string | undefined): { numId: string; level?: number } | undefined {
  const numId = numPr ? valueOf(numPr, "w:numId") : undefined;
  if (!numId || numId === "0") return undefined; // numId 0 switches a style's numbering off
  const level = valueOf(numPr!, "w:ilvl");
  return level === undefined ? { numId } : { numId, level: Number(level) };
}

/** The `w:val` of the first `<tag …/>` in an element. */
export function valueOf(element: string, tag: string): string | undefined {
  return attribute(new RegExp(`<${tag}\\b[^>]*>`).exec(element)?.[0], "w:val");
}

export function attribute(openingTag: string | undefined, name: string): string | undefined {
  if (!openingTag) return undefined;
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(openingTag);
  return match ? unescapeXml(match[1]!) : undefined;
}

export function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
