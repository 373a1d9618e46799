// Whether a word is an English word, from the word list the npm package `word-list` ships (274,000
// words, lower case). The speller asks it before "correcting" a word the policies never use: "warden"
// or "monitor" is a word of its own, not a typo of a policy word, and read as one it would make an
// everyday question look like a policy question.
//
// The list is kept as its file's bytes with the start of each line (about 4 MB, outside the heap)
// and searched by halves; a Set of its strings would take six times that.
import fs from "node:fs";
import wordListPath from "word-list";

interface WordList {
  bytes: Buffer;
  /** Where each line in order starts; the list has a couple of lines out of order, kept apart. */
  starts: Uint32Array;
  count: number;
  outOfOrder: Set<string>;
}

let list: WordList | undefined;

function load(): WordList {
  const bytes = fs.readFileSync(wordListPath);
  let lines = 1;
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) lines++;
  const starts = new Uint32Array(lines);
  const outOfOrder = new Set<string>();
  let count = 0;
  let previous = -1;
  let lineStart = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    if (i > lineStart) {
      const inOrder = previous < 0 || bytes.compare(bytes, previous, lineEnd(bytes, previous), lineStart, i) >= 0;
      if (inOrder) {
        starts[count++] = lineStart;
        previous = lineStart;
      } else outOfOrder.add(bytes.toString("latin1", lineStart, i));
    }
    lineStart = i + 1;
  }
  return { bytes, starts, count, outOfOrder };
}

function lineEnd(bytes: Buffer, start: number): number {
  const end = bytes.indexOf(0x0a, start);
  return end < 0 ? bytes.length : end;
}

export function isEnglishWord(word: string): boolean {
  if (!/^[a-z]+$/.test(word)) return false;
  list ??= load();
  if (list.outOfOrder.has(word)) return true;
  const target = Buffer.from(word, "latin1");
  let low = 0;
  let high = list.count - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const start = list.starts[middle]!;
    const order = target.compare(list.bytes, start, lineEnd(list.bytes, start));
    if (order === 0) return true;
    if (order > 0) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}
