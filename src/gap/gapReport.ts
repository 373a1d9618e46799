// The gap report: the latest gap analysis by clause group (4–10), the clauses not yet in place with
// their notes and owners, and which clauses moved since the analysis before it. Plain data first;
// the chat, Markdown and table forms below all read from it.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { GapStatus } from "../generated/prisma/enums.js";
import { gapChange, gapStatusLabels, isOpenGap } from "../domain/gapAnalysis.js";
import { catalog, clauseGroupOf, clauseGroupTitle, findClause } from "../iso42001/catalog.js";
import type { OutgoingMessage } from "../conversations/messages.js";
import { displayDate } from "../domain/dateDisplay.js";

export interface GapReportLine {
  clauseId: string;
  title: string;
  status: GapStatus;
  note: string | null;
  ownerName: string | null;
  /** The clause's status in the previous analysis, when there was one that covered it. */
  previousStatus: GapStatus | null;
}

export interface GapGroupCounts {
  groupId: string;
  title: string;
  inPlace: number;
  partial: number;
  missing: number;
}

export interface GapReport {
  reference: string;
  conductedOn: Date;
  conductedBy: string | null;
  previousReference: string | null;
  groups: GapGroupCounts[];
  totals: { inPlace: number; partial: number; missing: number };
  lines: GapReportLine[];
  /** Partial and missing clauses, in clause order. */
  gaps: GapReportLine[];
  improved: GapReportLine[];
  worsened: GapReportLine[];
  /** What the records hold for the clauses they can show (scope 4.3, objectives 6.2), beside the rating. */
  recordsShow: ClauseRecords[];
}

export interface ClauseRecords {
  clauseId: string;
  text: string;
  /** The rating says "in place" but the records hold nothing for it: an auditor would ask. */
  contradicts: boolean;
}

const analysisWithFindings = {
  conductedBy: { select: { displayName: true } },
  findings: { include: { owner: { select: { displayName: true } } } },
} as const;

/** The report on the latest analysis, or null when none has been run. Two queries, however many clauses. */
export async function buildGapReport(prisma: PrismaClient): Promise<GapReport | null> {
  const [latest, previous] = await prisma.gapAnalysis.findMany({ orderBy: [{ createdAt: "desc" }, { reference: "desc" }], take: 2, include: analysisWithFindings });
  if (!latest) return null;
  const before = new Map((previous?.findings ?? []).map((finding) => [finding.clauseId, finding.status]));
  const lines = [...latest.findings]
    .sort((a, b) => clauseOrder(a.clauseId) - clauseOrder(b.clauseId))
    .map(
      (finding): GapReportLine => ({
        clauseId: finding.clauseId,
        title: findClause(finding.clauseId)?.title ?? finding.clauseId,
        status: finding.status,
        note: finding.note,
        ownerName: finding.owner?.displayName ?? null,
        previousStatus: before.get(finding.clauseId) ?? null,
      }),
    );
  const recordsShow = await clauseRecords(prisma, new Map(lines.map((line) => [line.clauseId, line.status])));
  const changed = (change: "improved" | "worsened") => lines.filter((line) => line.previousStatus !== null && gapChange(line.previousStatus, line.status) === change);
  return {
    reference: latest.reference,
    conductedOn: latest.createdAt,
    conductedBy: latest.conductedBy?.displayName ?? null,
    previousReference: previous?.reference ?? null,
    groups: catalog.clauseGroups.map((group) => ({ groupId: group.id, title: group.title, ...countsOf(lines.filter((line) => clauseGroupOf(line.clauseId) === group.id)) })),
    totals: countsOf(lines),
    lines,
    gaps: lines.filter((line) => isOpenGap(line.status)),
    improved: changed("improved"),
    worsened: changed("worsened"),
    recordsShow,
  };
}

/** What the records hold for the clauses they can show, by clause: read beside a rating, in the report and in the analysis itself. */
export async function recordsBehindClauses(prisma: PrismaClient): Promise<Record<string, { held: boolean; text: string }>> {
  const [scope, objectives] = await Promise.all([prisma.aimsScope.findFirst({ orderBy: { createdAt: "asc" } }), prisma.aiObjective.groupBy({ by: ["status"], _count: { _all: true } })]);
  const objectiveCount = objectives.reduce((sum, group) => sum + group._count._all, 0);
  const achieved = objectives.find((group) => group.status === "achieved")?._count._all ?? 0;
  return {
    "4.3": { held: scope !== null, text: scope ? `scope ${scope.reference} version ${scope.version} recorded` : 'no scope recorded ("edit scope")' },
    "6.2": { held: objectiveCount > 0, text: objectiveCount > 0 ? `${objectiveCount} AI objectives recorded, ${achieved} achieved` : 'no AI objectives recorded ("add objective")' },
  };
}

/** The scope and objectives the assistant keeps, checked against the self-rating of 4.3 and 6.2. */
async function clauseRecords(prisma: PrismaClient, rated: Map<string, GapStatus>): Promise<ClauseRecords[]> {
  const records = await recordsBehindClauses(prisma);
  return Object.entries(records).map(([clauseId, { held, text }]) => ({ clauseId, text, contradicts: !held && rated.get(clauseId) === "in_place" }));
}

const recordsLine = (records: ClauseRecords) => `${records.clauseId}: ${records.text}${records.contradicts ? ", yet rated in place" : ""}`;

const clauseIndex = new Map(catalog.clauses.map((clause, index) => [clause.id, index]));
const clauseOrder = (clauseId: string) => clauseIndex.get(clauseId) ?? Number.MAX_SAFE_INTEGER;

function countsOf(lines: GapReportLine[]) {
  const count = (status: GapStatus) => lines.filter((line) => line.status === status).length;
  return { inPlace: count("in_place"), partial: count("partial"), missing: count("missing") };
}

const gapText = (line: GapReportLine) => `${gapStatusLabels[line.status]} · ${line.title}${line.note ? ` · ${line.note}` : ""} · ${line.ownerName ? `owner ${line.ownerName}` : "no owner yet"}`;
const movement = (line: GapReportLine) => `${line.clauseId} ${gapStatusLabels[line.previousStatus!]} → ${gapStatusLabels[line.status]}`;

export function describeProgress(report: GapReport): string {
  if (!report.previousReference) return "This is the first gap analysis: nothing to compare with yet.";
  const list = (lines: GapReportLine[]) => (lines.length > 0 ? `: ${lines.map(movement).join("; ")}` : "");
  return `Since ${report.previousReference}: ${report.improved.length} improved${list(report.improved)}. ${report.worsened.length} worsened${list(report.worsened)}.`;
}

/** The report as chat messages: counts per group, progress, then the gaps as a list. */
export function gapReportMessages(report: GapReport | null): OutgoingMessage[] {
  if (!report) return [{ kind: "text", text: 'No gap analysis has been run yet. The governance team starts one with "gap analysis".' }];
  const { totals } = report;
  const groups = report.groups.map((group) => `${group.groupId} ${group.title}: ${group.inPlace} in place, ${group.partial} partial, ${group.missing} missing`);
  return [
    {
      kind: "text",
      text: [
        `Gap analysis ${report.reference} of ${displayDate(report.conductedOn)}${report.conductedBy ? ` by ${report.conductedBy}` : ""}: ${totals.inPlace} in place, ${totals.partial} partial, ${totals.missing} missing.`,
        ...groups,
        describeProgress(report),
        `The records show: ${report.recordsShow.map(recordsLine).join("; ")}.`,
      ].join("\n"),
    },
    {
      kind: "record_list",
      title: "Gaps to close",
      items: report.gaps.map((line) => ({ reference: line.clauseId, text: gapText(line) })),
      note: report.gaps.length === 0 ? "No gaps: every clause is in place." : 'The full report: "npx aims export gap --format md".',
    },
  ];
}

/** The report as a Markdown document, for `aims export gap --format md`. */
export function renderGapReportMarkdown(report: GapReport | null): string {
  if (!report) return "# Gap analysis\n\nNo gap analysis has been run yet.\n";
  const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
  const row = (cells: string[]) => `| ${cells.map(cell).join(" | ")} |`;
  const sections = [
    `# Gap analysis ${report.reference}`,
    `_${displayDate(report.conductedOn)}${report.conductedBy ? `, by ${report.conductedBy}` : ""}. ${report.totals.inPlace} in place, ${report.totals.partial} partial, ${report.totals.missing} missing._`,
    ["## By clause", row(["Clause", "In place", "Partial", "Missing"]), "| --- | ---: | ---: | ---: |", ...report.groups.map((group) => row([`${group.groupId} ${group.title}`, String(group.inPlace), String(group.partial), String(group.missing)]))].join("\n"),
    [
      "## Gaps to close",
      report.gaps.length === 0
        ? "None: every clause is in place."
        : [row(["Clause", "Status", "What is missing", "Owner"]), "| --- | --- | --- | --- |", ...report.gaps.map((line) => row([`${line.clauseId} ${line.title}`, gapStatusLabels[line.status], line.note ?? "", line.ownerName ?? "nobody yet"]))].join("\n"),
    ].join("\n"),
    ["## Progress", describeProgress(report)].join("\n"),
    ["## What the records show", ...report.recordsShow.map((records) => `- ${recordsLine(records)}`)].join("\n"),
  ];
  return sections.join("\n\n") + "\n";
}

/** One row per clause, for `aims export gap --format csv|json`. */
export function gapReportRows(report: GapReport | null): Record<string, unknown>[] {
  if (!report) return [];
  return report.lines.map((line) => ({
    analysis: report.reference,
    conductedOn: report.conductedOn,
    clause: line.clauseId,
    clauseGroup: `${clauseGroupOf(line.clauseId)} ${clauseGroupTitle(clauseGroupOf(line.clauseId))}`,
    title: line.title,
    status: line.status,
    note: line.note,
    owner: line.ownerName,
    previousAnalysis: report.previousReference,
    previousStatus: line.previousStatus,
    change: line.previousStatus ? gapChange(line.previousStatus, line.status) : null,
  }));
}

export const gapReportColumns = ["analysis", "conductedOn", "clause", "clauseGroup", "title", "status", "note", "owner", "previousAnalysis", "previousStatus", "change"];
