// The digest as Markdown a manager reads in half a minute: what needs attention first, then short
// sections with small tables. It renders only what the digest holds, and the digest holds no
// incident details, so nothing here can leak a confidential incident.
import { incidentTypeLabels, reviewKindLabels, severityLabels } from "../domain/labels.js";
import { IncidentType, Severity } from "../generated/prisma/enums.js";
import { ageBandLabels, describeApplicability, formatCalendarDate, formatClockTime, kindKeyLabels, plural, tierKeyLabels } from "./digestWording.js";
import { ageBands, type DigestReader, type KindKey, type TierKey, type WeeklyDigest } from "./weeklyDigest.js";
import { attentionSentence } from "./needsAttention.js";
import { overdueViews, type OverdueView } from "./overdueWording.js";
import { describeMeasureSummary } from "../objectives/measurementSummary.js";

/** `reader` says whose copy: what is overdue is named for governance, partly for managers, counted for channels. */
export function renderDigestMarkdown(digest: WeeklyDigest, reader: DigestReader = "governance"): string {
  const sections = [
    headline(digest, reader),
    systemsSection(digest),
    shadowAiSection(digest),
    incidentsSection(digest),
    ...overdueViews(digest, reader).map(overdueSection),
    upcomingReviewsSection(digest),
    policyQuestionsSection(digest),
    objectiveMeasuresSection(digest),
    applicabilitySection(digest),
  ];
  return sections.filter((section) => section !== "").join("\n\n") + "\n";
}

const readerNames: Record<DigestReader, string> = { governance: "the governance team's copy", manager: "a manager's copy", channel: "a channel's copy" };

function headline(digest: WeeklyDigest, reader: DigestReader): string {
  const { period, incidents, systems, shadowAi } = digest;
  const week = `Week from ${formatCalendarDate(period.weekStart)} to ${formatCalendarDate(period.today)}, ${formatClockTime(period.to, period.timeZone)} (${period.timeZone}); ${readerNames[reader]}`;
  const needs = `**Needs attention:** ${attentionSentence(digest, " · ")}`;
  const thisWeek =
    `**This week:** ${plural(incidents.openedThisWeek.total, "incident")} reported, ${incidents.closedThisWeek.total} closed; ` +
    `${plural(systems.newThisWeek, "new AI system")}; ${plural(shadowAi.newThisWeek, "possible unregistered AI tool")} reported.`;
  return [`# AI governance digest`, `_${week}_`, "", needs, thisWeek].join("\n");
}

function systemsSection({ systems }: WeeklyDigest): string {
  const summary =
    `${plural(systems.total, "system")} in use (${systems.newThisWeek} new this week) · ${systems.awaitingReview} awaiting review · ` +
    `${systems.overdueReview} overdue for review · ${systems.overdueAttestation} not re-attested in ${plural(systems.attestationMonths, "month")}`;
  const tiers = nonZeroRows(systems.byRiskTier, tierKeyLabels, ["high", "medium", "low", "unassessed"] satisfies TierKey[]);
  const kinds = nonZeroRows(systems.byKind, kindKeyLabels, Object.keys(kindKeyLabels) as KindKey[]);
  return [
    "## AI systems",
    summary,
    "",
    table(["Risk tier", "Systems"], tiers),
    "",
    table(["Kind", "Systems"], kinds),
  ].join("\n");
}

function shadowAiSection({ shadowAi }: WeeklyDigest): string {
  return [
    "## Possible unregistered AI",
    `${shadowAi.newThisWeek} reported this week · ${shadowAi.open} still waiting for an owner to complete the registration`,
  ].join("\n");
}

function incidentsSection({ incidents }: WeeklyDigest): string {
  const { openedThisWeek: opened, closedThisWeek: closed, open } = incidents;
  const severityRows = Object.values(Severity).map((severity) => [
    severityLabels[severity],
    String(opened.bySeverity[severity]),
    String(closed.bySeverity[severity]),
  ]);
  const typeRows = Object.values(IncidentType)
    .filter((type) => opened.byType[type] + closed.byType[type] > 0)
    .map((type) => [incidentTypeLabels[type], String(opened.byType[type]), String(closed.byType[type])]);
  const confidential = opened.confidential + closed.confidential;
  const lines = [
    "## Incidents",
    `${opened.total} reported and ${closed.total} closed this week.` +
      (confidential > 0 ? ` ${plural(confidential, "of them is", "of them are")} confidential: counted here, described only to those involved.` : ""),
    "",
    table(["Severity", "Reported", "Closed"], severityRows),
  ];
  if (typeRows.length > 0) lines.push("", table(["Type", "Reported", "Closed"], typeRows));
  lines.push(
    "",
    `**Open:** ${open.total} (${open.awaitingTriage} awaiting triage)`,
    "",
    table(
      ["Open for", "Incidents"],
      ageBands.map((band) => [ageBandLabels[band], String(open.byAge[band])]),
    ),
  );
  return lines.join("\n");
}

function overdueSection(view: OverdueView): string {
  if (view.count === 0) return `## ${view.title}\nNone.`;
  const rows = view.named.map((item) => [
    item.reference,
    item.what,
    item.ownerName ?? "",
    `${item.sinceLabel} ${formatCalendarDate(item.since, { weekday: false })}`,
    String(item.daysOverdue),
  ]);
  const lines = [`## ${view.title}`, `${view.count} in all.`];
  if (rows.length > 0) lines.push("", table(["Reference", "What", view.key === "longOpenIncidents" ? "Assigned to" : "Owner", "Since", view.key === "longOpenIncidents" ? "Days open" : "Days overdue"], rows));
  if (view.notes.length > 0) lines.push("", view.notes.join(" "));
  return lines.join("\n");
}

function upcomingReviewsSection({ upcomingReviews }: WeeklyDigest): string {
  const title = "## Audits and management reviews in the next 30 days";
  if (upcomingReviews.count === 0) return `${title}\nNone planned.`;
  const rows = upcomingReviews.items.map((review) => [
    formatCalendarDate(review.scheduledOn),
    `${review.reference} ${reviewKindLabels[review.kind]}`,
    review.leadName ?? "No lead yet",
    review.scope,
  ]);
  const more = upcomingReviews.count > upcomingReviews.items.length ? `\n\n…and ${upcomingReviews.count - upcomingReviews.items.length} more.` : "";
  return [title, table(["Date", "Review", "Lead", "Scope"], rows)].join("\n") + more;
}

function policyQuestionsSection({ policyQuestions }: WeeklyDigest): string {
  return [
    "## Policy questions",
    `${plural(policyQuestions.unansweredThisWeek, "question")} this week the policy did not answer; ` +
      `${policyQuestions.routedToGovernance} passed to the governance team; ` +
      `${plural(policyQuestions.answeredByGovernance, "question")} answered with the governance team's answers.`,
  ].join("\n");
}

function objectiveMeasuresSection({ objectiveMeasures }: WeeklyDigest): string {
  if (!objectiveMeasures) return "";
  if (objectiveMeasures.length === 0) return "## AI objectives measured\nNo objective has a measure yet.";
  return ["## AI objectives measured", ...objectiveMeasures.map((summary) => `- ${describeMeasureSummary(summary)}`)].join("\n");
}

function applicabilitySection({ statementOfApplicability }: WeeklyDigest): string {
  if (!statementOfApplicability) return "";
  return `## Statement of Applicability\n${describeApplicability(statementOfApplicability)}`;
}

function nonZeroRows<K extends string>(counts: Record<K, number>, labels: Record<K, string>, order: K[]): string[][] {
  return order.filter((key) => counts[key] > 0).map((key) => [labels[key], String(counts[key])]);
}

/** A Markdown table; numbers right-aligned. An empty table reads "None." rather than a bare header. */
function table(header: string[], rows: string[][]): string {
  if (rows.length === 0) return "None.";
  const numeric = header.map((_, column) => rows.every((row) => /^\d+$/.test(row[column] ?? "")));
  return [
    `| ${header.map(cell).join(" | ")} |`,
    `| ${numeric.map((right) => (right ? "---:" : "---")).join(" | ")} |`,
    ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
  ].join("\n");
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
