// The smallest pieces of a passage that can answer a question on their own: a sentence, a list
// item, or a table row read with its column names ("Record: Copilot chat history; How long we keep
// it: 90 days"). Answers quote these, so that the sentence listing the approved tools or the table
// row asked for is what the person reads, not the neighbouring rule.

export interface PassageUnit {
  /** Position in the passage, to quote several units in their order. */
  position: number;
  text: string;
  kind: "sentence" | "item" | "row";
}

/** "-", "•", Word's "o" of a second-level bullet as text exports it, "1.", "a)". */
const listItem = /^\s*(?:[-*•▪◦o]|\d{1,2}[.)]|[a-z][.)])\s+/;
const tableRow = /^\s*\|(.*)\|\s*$/;
/** The line under a table's header: "| --- | :---: |". */
const isTableRule = (line: string) => /^[\s|:-]+$/.test(line) && line.includes("---");

function cellsOf(line: string): string[] {
  return tableRow.exec(line)![1]!.split("|").map((cell) => cell.trim().replace(/\*\*/g, ""));
}

/** Sentences of a paragraph: split after . ! ? followed by a capital, a digit or a quote. */
function sentencesOf(paragraph: string): string[] {
  return paragraph
    .replace(/\s+/g, " ")
    .trim()
    .split(/(?<=[.!?])\s+(?=["“(\p{Lu}\d])/u)
    .filter((sentence) => sentence.length > 0);
}

/**
 * A line right below a list item that carries it on: indented under it ("  - Breaches must be
 * reported to the\n    ICO within 72 hours"), or, unindented as a PDF's wrapped lines are, when the
 * item stops mid-sentence and the line goes on in lower case ("…without checking\nthe recording.").
 * An unindented line starting with a capital is a paragraph of its own below the list.
 */
function continuesItem(line: string, itemText: string): boolean {
  if (/^\s/.test(line)) return true;
  return !/[.!?:;]["”)]?$/.test(itemText) && /^[\p{Ll}(]/u.test(line);
}

export function unitsOf(text: string): PassageUnit[] {
  const units: Omit<PassageUnit, "position">[] = [];
  let paragraph: string[] = [];
  let header: string[] | null = null;
  /** The list item being read, which a wrapped line right below it continues. */
  let item: Omit<PassageUnit, "position"> | undefined;
  const endParagraph = () => {
    if (paragraph.length > 0) units.push(...sentencesOf(paragraph.join(" ")).map((text) => ({ text, kind: "sentence" as const })));
    paragraph = [];
  };
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (tableRow.test(line)) {
      endParagraph();
      if (isTableRule(line)) continue;
      const cells = cellsOf(line);
      const next = lines[i + 1];
      if (header === null && next !== undefined && isTableRule(next)) {
        header = cells;
        i++;
        continue;
      }
      units.push({ text: header ? cells.map((cell, column) => (header![column] ? `${header![column]}: ${cell}` : cell)).join("; ") : cells.join("; "), kind: "row" });
      continue;
    }
    header = null;
    if (line.trim() === "") {
      endParagraph();
      item = undefined;
      continue;
    }
    if (listItem.test(line)) {
      endParagraph();
      item = { text: line.replace(listItem, "").replace(/\*\*/g, "").trim(), kind: "item" };
      units.push(item);
      continue;
    }
    if (item && continuesItem(line, item.text)) {
      // A word broken at a hyphen at the line's end ("lip-\nsync") is written whole again.
      item.text = `${item.text}${/\p{L}-$/u.test(item.text) ? "" : " "}${line.replace(/\*\*/g, "").trim()}`;
      continue;
    }
    item = undefined;
    paragraph.push(line.replace(/\*\*/g, ""));
  }
  endParagraph();
  return units.map((unit, position) => ({ ...unit, position }));
}
