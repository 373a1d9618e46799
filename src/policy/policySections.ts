// A policy document as passages, one per section, split at its headings whatever their style:
// Markdown "#" headings, underlined (setext) headings, a line in bold on its own, a line in
// capitals, and, in plain text and PDF, a short numbered line ("4.2 Customer data") or a question on
// a line of its own with its answer below (a FAQ: "Can I use my own ChatGPT account?"). Each passage
// keeps its document, section label and heading path, so that answers can cite it.

export interface PolicyPassage {
  id: string;
  /** File name relative to POLICY_DIR, e.g. "ai-acceptable-use-policy.md". */
  document: string;
  documentTitle: string;
  /** "Version 2.1", "Edition 3": as the document states it near its title, when it does. */
  documentVersion?: string;
  /** The heading's number or label as written ("4.2", "Part A"), else the heading itself. */
  section: string;
  heading: string;
  /** Document title › section › subsection. */
  headingPath: string[];
  text: string;
}

export interface SplitOptions {
  /** Plain text and PDF have no markup: a short numbered line is a heading there, not a list item. */
  plainText?: boolean;
  /** Set by splitDocument: the document heads its lists with labels ending in a colon (see `labelsItsLists`). */
  labelledLists?: boolean;
}

interface Heading {
  level: number;
  title: string;
}

const atxHeading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const setextUnderline = /^\s{0,3}(=+|-+)\s*$/;
/** "**Approved tools**", and numbered as a list item ("1. **Purpose**"), as Word's numbered headings come out in Markdown. */
const boldLine = /^\s*(\d{1,2}[.)]\s+)?(?:\*\*|__)([^*_]{2,100}?)(?:\*\*|__)\s*:?\s*$/;
const numberedLine = /^\s*(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+([A-Z][^.;]{1,80})$/;
/** "4.2 Customer data", "Part A: Approvals", "Section 3 – Retention". */
const numberedTitle = /^(\d+(?:\.\d+)*)[.)]?\s+(.+)$/;
const labelledTitle = /^((?:part|section|chapter|annex|appendix|schedule|article|clause|step)\s+[\dA-Z]{1,3}(?:\.\d+)*)\s*[:.—–-]?\s+(.+)$/i;
/** A FAQ's question: one short line that starts like a sentence and ends with a question mark. */
const questionLine = /^\s*[\p{Lu}\d][^?]{3,118}\?\s*$/u;
/** "Version 2.1", "Version: 2", "Rev. 3", or a document-control table's row "| Version | 2.1 |". */
const versionStatement = /\b(version|edition|revision|rev\.?|issue)\s*(?:[:|]\s*)?(\d+(?:\.\d+)*)/i;
/** A version in a title or a file name: "AI Policy v2.1", "AI_Acceptable_Use_Policy_v2.1.docx". */
const versionMark = /(?:^|[\s_(-])v(\d+(?:\.\d+)+|\d+)(?=$|[\s_).-])/i;
/** "Reporting a concern:": a short label ending with a colon, standing on its own line. */
const labelLine = /^\s*\p{Lu}[^.!?;:]{2,70}:\s*$/u;
/** Labels that introduce an example or an aside, not a section: "For example:", "Note:". */
const introducesAnExample = /^\s*(?:for\s+(?:example|instance)|examples?|e\.g|notes?|nb|tip|important|warning|remember|such\s+as)\b/i;
/** What a sentence introducing a list says ("You must:", "The following need approval:"), which a heading does not. */
const leadsIn = /\b(?:must|should|shall|will|can|may|include|includes|including|following|below|as follows|such as|e\.g)\b/i;

/** A line of a title block: short, no sentence ending, not a list item, not a version or a date ("Version 5"). */
export const isTitleLine = (line: string) => {
  const text = line.trim();
  return /\p{L}/u.test(text) && text.length <= 80 && !/[.,;:!?]$/.test(text) && !/^[-*•]/.test(text) && !/\d/.test(text) && !isFieldLine(text);
};

/** "Owner: Head of Clinical Governance", "Audience: all staff": a document-control field, not a title ("SKYLARK AVIATION: AI QUICK GUIDE" is one). */
export const isFieldLine = (line: string) => /^\s*\p{Lu}\p{Ll}+(?: \p{Ll}+)?:\s/u.test(line);

/**
 * A document with no title heading whose first lines, typed as paragraphs, name the organisation and what the
 * document is ("Hartwell Foods Ltd" / "Artificial Intelligence (AI) Acceptable Use Policy", over its control table):
 * those lines are its title. At most three short lines, none a sentence, one of them saying what kind of document it is.
 */
function typedTitle(body: string[]): { title: string; end: number } | undefined {
  const lines: string[] = [];
  let end = 0;
  for (; end < body.length && lines.length <= 3; end++) {
    const text = body[end]!.trim();
    if (text === "") continue;
    if (!isTitleLine(text) || /^[|#>]|\s>\s/.test(text)) break; // nor a table, a heading, a quote or a breadcrumb
    lines.push(stripMarkup(text));
  }
  const rest = body.slice(end).find((text) => text.trim() !== "");
  if (lines.length === 0 || lines.length > 3 || !lines.some(namesAKindOfDocument)) return undefined;
  // What follows the title block is its control table, details or text, not a fourth line naming a document.
  const anotherTitleLine = rest !== undefined && isTitleLine(rest) && namesAKindOfDocument(rest);
  return anotherTitleLine ? undefined : { title: lines.join(" – "), end };
}

/** Whether a title says what kind of document it is ("… Policy", "Terms of Reference", "A quick guide for …"). */
export function namesAKindOfDocument(title: string): boolean {
  return /\b(polic(y|ies)|procedures?|standards?|guides?|guidance|guidelines|handbook|manual|terms of reference|charter|code of (practice|conduct)|protocol|rules|notice|framework|faqs?|frequently asked questions|quick (card|reference)|briefing|register|statement)\b/i.test(title);
}

/** A line in capitals that reads like a title: at least two letters words, no sentence ending. */
function isCapitalsLine(line: string): boolean {
  const text = line.trim();
  if (text.length < 4 || text.length > 80 || /[.,;]$/.test(text)) return false;
  const letters = text.replace(/[^\p{L}]/gu, "");
  return letters.length >= 4 && letters === letters.toUpperCase() && /\p{Lu}{2,}/u.test(letters);
}

/** The heading a line starts, if any; `next` is the line after it (for underlined headings). */
/** Small words a title leaves in lower case ("Using AI at Work", "What to Do if Something Goes Wrong"). */
const titleSmallWords = /^(a|an|the|and|or|but|nor|of|to|in|on|at|by|for|with|from|as|if|is|are|be|do|into|onto|per|via|vs|than|up|out|off|so|yet|its|our|your|their|my|we|you|it|not|no)$/;

/** A short line in title case ("Reporting A Problem", "Who Can Use AI Tools"): every word but the small ones capitalised, no sentence ending. */
function isTitleCaseLine(line: string): boolean {
  const text = line.trim();
  if (text.length < 3 || text.length > 70 || /[.,;:!?]$/.test(text) || !/^\p{Lu}/u.test(text)) return false;
  const words = text.split(/\s+/);
  return words.length <= 8 && words.every((word) => /^[\p{Lu}\d&(/-]/u.test(word) || titleSmallWords.test(word));
}

/** A short line in sentence case ("Using AI to plan lessons"): a few words, a capital first, no sentence ending. */
function isSentenceCaseLine(line: string): boolean {
  const text = line.trim();
  const words = text.split(/\s+/);
  return words.length >= 2 && words.length <= 8 && text.length <= 60 && /^\p{Lu}/u.test(text) && !/[.,;:!?)]$/.test(text) && !text.includes(", ");
}

/** A line that stands alone as a heading might: a question or a title. */
const standsAlone = (line: string) => questionLine.test(line) || isTitleCaseLine(line) || isSentenceCaseLine(line);

/** A scenario of two sentences ("Say you've pasted… by accident. What now?"): right under a heading, it opens that section's text. */
const tellsAScenario = (line: string) => /[.!?]\s+\S/.test(line.trim().replace(/^(?:\d{1,2}(?:\.\d{1,2}){0,3}|[A-H]|[IVX]{1,5})[.)]\s+/, ""));

/** The block after a blank line is a paragraph, not another line standing alone (a list of short items). */
const paragraphFollows = (line: string | undefined) => line !== undefined && line.trim() !== "" && !standsAlone(line);

function headingOf(line: string, around: { previous?: string; next?: string; afterNext?: string; underAHeading?: boolean }, implicitLevel: number, options: SplitOptions): (Heading & { consumesNext?: boolean }) | null {
  const next = around.next;
  const atx = atxHeading.exec(line);
  if (atx) return { level: atx[1]!.length, title: stripMarkup(atx[2]!) };
  if (line.trim() !== "" && !line.trim().startsWith("|") && next !== undefined && setextUnderline.test(next) && line.trim().length <= 120) {
    return { level: next.trim().startsWith("=") ? 1 : 2, title: stripMarkup(line.trim()), consumesNext: true };
  }
  const bold = boldLine.exec(line);
  // Numbered, a bold sentence ("5. **Tell your line manager.**") is a step of a list, not a heading.
  if (bold && !(bold[1] && /[.;,!?]$/.test(bold[2]!.trim())) && !isCaption(bold[2]!)) return { level: implicitLevel, title: `${bold[1] ?? ""}${bold[2]!.trim()}` };
  if (isCapitalsLine(line) && !line.trim().startsWith("|")) return { level: implicitLevel, title: line.trim() };
  if (options.plainText) {
    const numbered = numberedLine.exec(line);
    if (numbered && !runsOn(line, next) && !inAList(numbered[1]!, around) && !introducesAList(numbered[2]!)) return { level: Math.min(6, numbered[1]!.split(".").length + 1), title: line.trim() };
    // A question after a blank line with its answer right below; a question inside a paragraph is not one.
    if (questionLine.test(line) && !around.previous?.trim() && next?.trim()) return { level: implicitLevel, title: line.trim() };
    // A question or a title between blank lines, a paragraph below: an FAQ or a note pasted as text.
    if (standsAlone(line) && !around.previous?.trim() && next !== undefined && !next.trim() && paragraphFollows(around.afterNext) && !(around.underAHeading && tellsAScenario(line))) {
      return { level: implicitLevel, title: line.trim() };
    }
    // A label with a blank line on each side; a sentence that introduces a list is not one.
    if (labelLine.test(line) && !around.previous?.trim() && !next?.trim() && !leadsIn.test(line) && line.trim().split(/\s+/).length <= 8) {
      return { level: implicitLevel, title: line.trim().replace(/\s*:$/, "") };
    }
    // A numbered, lettered or "Section" heading after a blank line with its text right below ("1) Purpose",
    // "B. Approved tools", "IV. Reporting", "Section 2: Tools"): as text exported from Word or a PDF lays it out.
    if (enumeratedHeading.test(line) && !around.previous?.trim() && startsItsText(line, next)) return { level: implicitLevel, title: line.trim() };
    // Its label says it is a heading, whatever follows it (a service desk's "Step 4 — Log it" / "Owner: IT"), unless
    // the next line is the next step: steps one per line are a list.
    if (labelledHeading.test(line) && !around.previous?.trim() && next?.trim() && !labelledHeading.test(next) && !listItemLine.test(next)) return { level: implicitLevel, title: line.trim() };
    // A title of a few words after a blank line with its paragraph right below ("Approved Tools" / "Only Copilot is…").
    // Not a label with a number or a dash ("P1 - Critical", "Version 1.3 - February 2025"): items of a list of levels, or a date line.
    if (isTitleCaseLine(line) && !/\d|\s[-–—]\s/.test(line) && !around.previous?.trim() && startsItsText(line, next)) return { level: implicitLevel, title: line.trim() };
    // A quick-reference card's label over its list ("Before you save a summary:" / " - Read it through"), in a
    // document that heads several lists so.
    if (options.labelledLists && headsAList(line, around) && !saysWhoMust.test(line)) return { level: implicitLevel, title: line.trim().replace(/\s*:$/, "") };
    // A label of a few words after a blank line, its text right below ("Quorum:" / "A meeting is quorate when…").
    if (labelLine.test(line) && !around.previous?.trim() && next?.trim() && /^\s*(?:\p{Lu}|[-*•]\s)/u.test(next) && !leadsIn.test(line) && !introducesAnExample.test(line) && line.trim().split(/\s+/).length <= 4) {
      return { level: implicitLevel, title: line.trim().replace(/\s*:$/, "") };
    }
  }
  return null;
}

/** A label ending with a colon after a blank line, a list right below it: "What you can use:" / " o Copilot Chat". */
const colonLabel = /^\s*[\p{Lu}"“]\S*(?:\s+\S+){0,9}:\s*$/u;
function headsAList(line: string, around: { previous?: string; next?: string }): boolean {
  return colonLabel.test(line) && !/[.;!]\S*\s*:\s*$|[.;!]\s/.test(line) && !around.previous?.trim() && listItemLine.test(around.next ?? "");
}
/** A sentence that introduces a list ("You must:", "Staff should not:", "The following apply:"), not a label. */
const saysWhoMust = /^\s*(?:you|we|they|staff|everyone|all|this|these|the following)\b.*\b(?:must|should|shall|will|may|can|need)\b|\b(?:following|below|as follows|include|includes|including)\b/i;

/**
 * Whether the document heads its lists with labels ending in a colon, three or more times: a quick-reference
 * card's style, where "What you can use:" is a heading although a sentence could end the same way.
 */
export function labelsItsLists(lines: string[]): boolean {
  let labels = 0;
  for (let i = 0; i < lines.length; i++) if (headsAList(lines[i]!, { previous: lines[i - 1], next: lines[i + 1] }) && !saysWhoMust.test(lines[i]!)) labels++;
  return labels >= 3;
}

/** "1) Purpose", "B. Approved tools", "IV. Reporting", "Section 2: Tools": a short title after its number, letter or label. */
const enumeratedHeading = /^\s*(?:\d{1,2}(?:\.\d{1,2}){0,3}[.)]?|[A-H][.)]|[IVX]{1,5}[.)]|(?:[Ss]ection|[Pp]art|[Cc]hapter|[Aa]rticle)\s+[\dA-Z]{1,3}[:.)]?)\s+\p{Lu}[^.;:!?]{1,60}$/u;
/** A heading that names itself a section, part or step ("Section 2: Tools", "Step 1 — Stop and make safe"). */
const labelledHeading = /^\s*(?:[Ss]ection|[Pp]art|[Cc]hapter|[Aa]rticle|[Ss]tep|[Ss]tage)\s+[\dA-Z]{1,3}(?:[:.)]|\s+[-–—])?\s+\p{Lu}[^.;:!?]{1,60}$/u;
/** A list item ("2) Tell IT", "- keep the screen open"), which a heading's text does not start with. */
const listItemLine = /^\s*(?:[-*•o]|\d{1,2}[.)]|[a-h][.)])\s/;

/**
 * Whether a heading-like line opens the text right below it: the next line is a paragraph (a capital first,
 * not a list item nor another heading-like line, longer than the line or a whole sentence), and the line does
 * not run on into it as a sentence broken in two.
 */
function startsItsText(line: string, next: string | undefined): boolean {
  if (!next?.trim() || listItemLine.test(next) || enumeratedHeading.test(next) || isTitleCaseLine(next)) return false;
  if (!/^\s*\p{Lu}/u.test(next) || breaksOff.test(line.trim())) return false;
  const words = line.trim().split(/\s+/).length;
  return words <= 8 && (next.trim().length > line.trim().length || /[.!?:]$/.test(next.trim()));
}

/** A table's or figure's caption in bold ("Table 1 – Approved AI tools"): it names what follows, inside its section. */
const isCaption = (text: string) => /^\s*(?:table|figure|fig\.|chart|diagram)\s+\d+[a-z]?\s*[-–—:.]/i.test(text);

/** Whether a line is a heading by its own markup: "#", an underline below a title, or a line in bold. */
export function marksAHeading(line: string): boolean {
  return atxHeading.test(line) || /^\s{0,3}(=+|-{3,})\s*$/.test(line) || boldLine.test(line);
}

/** A numbered clause that introduces what follows ("4.1 The Panel's members are:"), not a heading: a sentence of a few words ending with a colon. */
const introducesAList = (text: string) => /:\s*$/.test(text) && text.trim().split(/\s+/).length >= 4;

/** Words a title never ends on: a line ending on one breaks off a sentence ("…in public channels until"). */
const breaksOff = /\b(?:a|an|the|and|or|but|of|to|in|on|at|by|for|with|from|as|if|until|unless|that|which|who|whose|your|our|their|its|is|are|be|can|may|must|should|will)$/i;

/**
 * Whether a numbered line is a list item whose sentence runs on to the next line, not a heading:
 * the next line goes on in lower case ("  2. Say what happened, which tool…, what kind of" /
 * "     data was involved"), is indented further (a hanging indent), or the line breaks off on a
 * word no title ends with.
 */
function runsOn(line: string, next: string | undefined): boolean {
  if (breaksOff.test(line.trim())) return true;
  if (next === undefined || next.trim() === "") return false;
  const indent = (text: string) => text.length - text.trimStart().length;
  // "2.1 The Committee is established by, and reports to, the Executive Risk" / "Committee.": a clause wrapped at the
  // margin, its sentence ending in a few words on the next line. A heading is shorter, with a paragraph below it.
  const wrapsItsSentence = line.trim().length >= 55 && ((next.trim().length < 40 && /[.)]$/.test(next.trim())) || (/\s(is|are|will|must|may|shall)\s/.test(line) && /[.;]$/.test(next.trim())));
  return /^[\p{Ll}(]/u.test(next.trim()) || indent(next) > indent(line) || wrapsItsSentence;
}

/**
 * Whether a numbered line sits in a list: the line just before or after it is numbered at the same
 * depth ("2. Hold a review" between "1. …" and "3. …"). A heading has its text, or a deeper heading
 * ("4 Data" above "4.2 Customer data"), below it.
 */
function inAList(number: string, around: { previous?: string; next?: string }): boolean {
  const depth = number.split(".").length;
  return [around.previous, around.next].some((line) => {
    const sibling = line === undefined ? null : /^\s*(\d{1,2}(?:\.\d{1,2}){0,3})[.)]?\s+\S/.exec(line);
    return sibling !== null && sibling[1]!.split(".").length === depth;
  });
}

function stripMarkup(text: string): string {
  return text.replace(/\*\*|__|`/g, "").trim();
}

/** The label a section is cited by and its heading: "4.2" + "Customer data", or the title twice. */
function sectionOf(written: string): { section: string; heading: string } {
  // An FAQ's "Q: Can I…?" is cited by its question.
  const title = written.replace(/^\s*(?:Q|Question)\s*[:.]\s+/i, "");
  const numbered = numberedTitle.exec(title) ?? labelledTitle.exec(title);
  return numbered ? { section: numbered[1]!, heading: numbered[2]!.trim() } : { section: title, heading: title };
}

export function splitDocument(document: string, content: string, options: SplitOptions = {}): PolicyPassage[] {
  const passages: PolicyPassage[] = [];
  const usedSections = new Map<string, number>();
  let documentTitle = document.replace(/\.[a-z]+$/i, "");
  let bodyVersion: string | undefined;
  /** The section of a bold line right under the title (see `subtitle` below), whose text may state the version. */
  let subtitleSection: string | undefined;
  const trail: { level: number; section: string; heading: string }[] = [];
  let lastExplicitLevel = 1;
  let body: string[] = [];
  const flush = (final = false) => {
    const text = body.join("\n").trim();
    body = [];
    if (!text) return;
    const current = trail.at(-1);
    if (current && current.section === subtitleSection && passages.length === 0) bodyVersion ??= versionIn(text);
    if (!current) {
      // The text under the title: who owns the document, its version, whom it applies to. It is
      // a passage of its own when long, or when it is all the document says.
      bodyVersion ??= versionIn(text);
      if (text.length < 400 && !final) return;
    }
    const section = current?.section ?? documentTitle;
    const count = (usedSections.get(section) ?? 0) + 1;
    usedSections.set(section, count);
    const label = count === 1 ? section : `${section} (${count})`;
    passages.push({
      id: `${document}#${label}`,
      document,
      documentTitle,
      section: label,
      heading: current?.heading ?? documentTitle,
      headingPath: [documentTitle, ...trail.map((entry) => entry.heading)],
      text,
    });
  };
  const lines = content.split(/\r?\n/);
  if (options.plainText && labelsItsLists(lines)) options = { ...options, labelledLists: true };
  let sawTitle = false;
  /** The fence of the Markdown code block being read ("```"), inside which a "# comment" is code, not a heading. */
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fenceMark = options.plainText ? null : /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== undefined || fenceMark) {
      if (fence === undefined) fence = fenceMark![1]!;
      else if (fenceMark && fenceMark[1]![0] === fence[0] && fenceMark[1]!.length >= fence.length && /^\s*[`~]+\s*$/.test(line)) fence = undefined;
      body.push(line);
      continue;
    }
    const explicit = atxHeading.test(line) || (i + 1 < lines.length && setextUnderline.test(lines[i + 1]!) && line.trim() !== "");
    const heading = headingOf(line, { previous: lines[i - 1], next: lines[i + 1], afterNext: lines[i + 2], underAHeading: trail.length > 0 && body.every((text) => !text.trim()) }, Math.min(6, lastExplicitLevel + 1), options);
    if (!heading) {
      body.push(line);
      continue;
    }
    // "# AI Policy" / "**Pennant Pensions Limited**" / "Version 2.3 – approved…": a bold line right under the title
    // names the organisation, and the text under it is still the title's own (its version).
    const subtitle = !explicit && sawTitle && trail.length === 0 && passages.length === 0 && body.every((text) => !text.trim());
    const isTheTitle = heading.level === 1 && !numberedTitle.test(heading.title) && !labelledTitle.test(heading.title);
    if (!sawTitle && !isTheTitle && trail.length === 0 && passages.length === 0) {
      const typed = typedTitle(body);
      if (typed) {
        documentTitle = typed.title;
        body = body.slice(typed.end);
        sawTitle = true;
      }
    }
    flush();
    if (heading.consumesNext) i++;
    if (explicit) lastExplicitLevel = heading.level;
    // "# Thornbury Building Society" / "**Artificial Intelligence Policy**": the bold line says what the document is.
    if (subtitle && !namesAKindOfDocument(documentTitle) && namesAKindOfDocument(heading.title)) {
      documentTitle = `${documentTitle} – ${heading.title}`;
      continue;
    }
    // The first top-level heading is the title, unless it is numbered ("# 1 Purpose"): then the
    // document has no title heading and its sections start at once.
    if (heading.level === 1 && !sawTitle && !numberedTitle.test(heading.title) && !labelledTitle.test(heading.title)) {
      documentTitle = heading.title;
      sawTitle = true;
      trail.length = 0;
      // A letterhead over the title, both in capitals on the title's lines ("HARTWELL FOODS LTD" / "FOOD SAFETY AI
      // STANDARD", as a PDF prints a cover): the title is both.
      const under = lines[i + 1];
      if (under !== undefined && isCapitalsLine(heading.title) && isCapitalsLine(under) && !atxHeading.test(under) && !numberedLine.test(under) && under.trim().length <= 80) {
        documentTitle = `${heading.title} – ${under.trim()}`;
        i++;
      }
      // "# Riverside Learning Trust" over "# Artificial Intelligence Policy": the organisation's name, then what the
      // document is. The second is part of the title, not the document's first section.
      const next = lines.findIndex((later, at) => at > i && later.trim() !== "");
      const secondTitle = next > 0 ? /^\s{0,3}#\s+(.*?)\s*#*\s*$/.exec(lines[next]!)?.[1] : undefined;
      if (secondTitle && !namesAKindOfDocument(documentTitle) && namesAKindOfDocument(secondTitle) && !numberedTitle.test(secondTitle)) {
        documentTitle = `${documentTitle} – ${secondTitle}`;
        i = next;
      }
      continue;
    }
    const { section, heading: title } = sectionOf(heading.title);
    while (trail.length > 0 && trail.at(-1)!.level >= heading.level) trail.pop();
    trail.push({ level: heading.level, section, heading: title });
    if (subtitle) subtitleSection = section;
  }
  flush(passages.length === 0 && trail.length === 0);
  // The title's "v1.2" is the document's own; the text under it may name another document's version.
  const documentVersion = versionMarkIn(documentTitle) ?? bodyVersion ?? versionMarkIn(document.split("/").at(-1)!.replace(/\.[a-z]+$/i, ""));
  return passages.map((passage) => (documentVersion ? { ...passage, documentVersion } : passage));
}

/** The version a document's text states, written the usual way ("Version 2.1" for "| Version | 2.1 |"). */
function versionIn(text: string): string | undefined {
  const found = versionStatement.exec(stripMarkup(text)); // "**Version:** 2.0", as a table or a wiki shows it in bold
  if (!found) return undefined;
  const word = found[1]!.replace(/\.$/, "");
  return `${word[0]!.toUpperCase()}${word.slice(1).toLowerCase()} ${found[2]}`;
}

function versionMarkIn(text: string): string | undefined {
  const found = versionMark.exec(text);
  return found ? `Version ${found[1]}` : undefined;
}
