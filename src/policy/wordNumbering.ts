// Word numbers headings and clauses itself: a heading whose text is "Reporting an incident" reads "3.
// Reporting an incident" on the page when its style (or the paragraph) is in a numbered list, as
// outline-numbered policies are, and a clause typed as a numbered list item reads "3.1 Report…". mammoth
// gives the text without the number, so citations would name a section by words its reader never sees
// numbered. Here the numbers are worked out as Word draws them (numbering.xml's lists, each level's
// start, format and "%1.%2" pattern, deeper levels restarting under a new parent); the reader puts each
// in front of its paragraph. Bullets have no number.
import { attribute, numberingOf, optional, styleNumbering, unescapeXml, valueOf, type ParagraphStyle, type WordParts } from "./wordStyles.js";

/** A numbered paragraph, in document order: its text as written, and the number Word shows before it. */
export interface NumberedParagraph {
  text: string;
  number: string;
}

interface Level {
  start: number;
  format: string;
  pattern: string;
  legal: boolean;
}

export function numberedParagraphs(parts: WordParts, styles: Map<string, ParagraphStyle>): NumberedParagraph[] {
  if (!parts.numbering || !parts.document) return [];
  const lists = readLists(parts.numbering, styles);
  const counters = new Map<string, (number | undefined)[]>();
  const numbered: NumberedParagraph[] = [];
  for (const paragraph of parts.document.match(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g) ?? []) {
    const styleId = attribute(/<w:pStyle\b[^>]*>/.exec(paragraph)?.[0], "w:val");
    const own = numberingOf(/<w:numPr>[\s\S]*?<\/w:numPr>/.exec(paragraph)?.[0]);
    const inherited = styleId ? styleNumbering(styles, styleId) : undefined;
    const numId = own?.numId ?? inherited?.numId;
    const list = numId ? lists.get(numId) : undefined;
    if (!list) continue;
    const level = own?.level ?? inherited?.level ?? 0;
    const count = counters.get(list.abstractId) ?? [];
    counters.set(list.abstractId, count);
    list.restart(count);
    count[level] = count[level] === undefined ? (list.levels[level]?.start ?? 1) : count[level]! + 1;
    count.fill(undefined, level + 1);
    const number = render(list.levels, count, level);
    if (number) numbered.push({ text: paragraphText(paragraph), number });
  }
  return numbered;
}

interface List {
  abstractId: string;
  levels: Level[];
  /** Applies the list's own starting numbers the first time it is used (a list restarted at 1, say). */
  restart(count: (number | undefined)[]): void;
}

function readLists(xml: string, styles: Map<string, ParagraphStyle>): Map<string, List> {
  const abstracts = new Map<string, { levels: Level[]; styleLink?: string }>();
  for (const [element, opening] of xml.matchAll(/(<w:abstractNum\b[^>]*>)[\s\S]*?<\/w:abstractNum>/g)) {
    const levels: Level[] = [];
    for (const [lvl, lvlOpening] of element!.matchAll(/(<w:lvl\b[^>]*>)[\s\S]*?<\/w:lvl>/g)) {
      levels[Number(attribute(lvlOpening, "w:ilvl") ?? 0)] = {
        start: Number(valueOf(lvl!, "w:start") ?? 1),
        format: valueOf(lvl!, "w:numFmt") ?? "decimal",
        pattern: valueOf(lvl!, "w:lvlText") ?? "",
        legal: /<w:isLgl\b/.test(lvl!),
      };
    }
    abstracts.set(attribute(opening, "w:abstractNumId") ?? "", { levels, ...optional("styleLink", valueOf(element!, "w:numStyleLink")) });
  }
  const nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  for (const [element, opening] of xml.matchAll(/(<w:num\b[^>]*>)[\s\S]*?<\/w:num>/g)) {
    const starts = new Map<number, number>();
    for (const [override, overrideOpening] of element!.matchAll(/(<w:lvlOverride\b[^>]*>)[\s\S]*?<\/w:lvlOverride>/g)) {
      const start = valueOf(override!, "w:startOverride");
      if (start !== undefined) starts.set(Number(attribute(overrideOpening, "w:ilvl") ?? 0), Number(start));
    }
    nums.set(attribute(opening, "w:numId") ?? "", { abstractId: valueOf(element!, "w:abstractNumId") ?? "", starts });
  }
  const lists = new Map<string, List>();
  for (const [numId, num] of nums) {
    const abstractId = followStyleLink(num.abstractId, abstracts, nums, styles);
    const levels = abstracts.get(abstractId)?.levels;
    if (!levels) continue;
    let restarted = false;
    lists.set(numId, {
      abstractId,
      levels,
      restart(count) {
        if (restarted) return;
        restarted = true;
        for (const [level, start] of num.starts) count[level] = start - 1;
      },
    });
  }
  return lists;
}

/** A list defined by a numbering style ("numStyleLink") takes its levels from that style's list. */
function followStyleLink(abstractId: string, abstracts: Map<string, { styleLink?: string }>, nums: Map<string, { abstractId: string }>, styles: Map<string, ParagraphStyle>): string {
  const link = abstracts.get(abstractId)?.styleLink;
  const numId = link ? styleNumbering(styles, link)?.numId : undefined;
  const linked = numId ? nums.get(numId)?.abstractId : undefined;
  return linked && linked !== abstractId ? linked : abstractId;
}

/** The number shown for a paragraph at `level`: its level's pattern with each "%n" in that level's format. */
function render(levels: Level[], count: (number | undefined)[], level: number): string {
  const own = levels[level];
  if (!own || own.format === "none" || own.format === "bullet") return "";
  return own.pattern
    .replace(/%([1-9])/g, (_, n: string) => {
      const at = Number(n) - 1;
      return formatted(count[at] ?? levels[at]?.start ?? 1, own.legal ? "decimal" : (levels[at]?.format ?? "decimal"));
    })
    .trim();
}

function formatted(value: number, format: string): string {
  switch (format) {
    case "lowerLetter":
      return letters(value).toLowerCase();
    case "upperLetter":
      return letters(value);
    case "lowerRoman":
      return roman(value).toLowerCase();
    case "upperRoman":
      return roman(value);
    case "decimalZero":
      return String(value).padStart(2, "0");
    case "none":
      return "";
    default:
      return String(value);
  }
}

/** Word's letters: A…Z, then AA…ZZ. */
function letters(value: number): string {
  const letter = String.fromCharCode(65 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

function roman(value: number): string {
  const numerals: [number, string][] = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let rest = value;
  let written = "";
  for (const [amount, numeral] of numerals) {
    while (rest >= amount) {
      written += numeral;
      rest -= amount;
    }
  }
  return written;
}

/** A paragraph's text as mammoth reads it, for matching the two up. */
function paragraphText(paragraph: string): string {
  return [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => unescapeXml(match[1]!)).join("");
}
