// The digest as a chat message: what needs attention (the same list as every other surface), what
// is overdue (named or counted for this reader), then a few lines of figures. Chat apps do not
// render Markdown tables, so this is plain lines; the full tables are in `aims digest --preview`.
import { severityLabels } from "../domain/labels.js";
import { Severity } from "../generated/prisma/enums.js";
import type { Notice } from "../domain/governanceNotices.js";
import { describeApplicability, formatCalendarDate, plural } from "./digestWording.js";
import { attentionSentence } from "./needsAttention.js";
import { describeOverdueItem, overdueViews } from "./overdueWording.js";
import { describeMeasureSummary } from "../objectives/measurementSummary.js";
import type { DigestReader, WeeklyDigest } from "./weeklyDigest.js";

export function digestNotice(digest: WeeklyDigest, reader: DigestReader): Notice {
  const { systems, incidents, upcomingReviews, policyQuestions, shadowAi, period } = digest;
  const bySeverity = Object.values(Severity)
    .filter((severity) => incidents.openedThisWeek.bySeverity[severity] > 0)
    .map((severity) => `${incidents.openedThisWeek.bySeverity[severity]} ${severityLabels[severity]}`);
  const lines = [
    `Needs attention: ${attentionSentence(digest, "; ")}`,
    ...overdueLines(digest, reader),
    `AI systems: ${systems.total} in use (${systems.newThisWeek} new), ${systems.byRiskTier.high} high, ${systems.byRiskTier.medium} medium, ${systems.byRiskTier.low} low risk; ${systems.awaitingReview} awaiting review.`,
    `Possible unregistered AI: ${shadowAi.newThisWeek} reported this week, ${shadowAi.open} without an owner.`,
    `Incidents: ${plural(incidents.openedThisWeek.total, "incident")} reported this week${bySeverity.length > 0 ? ` (${bySeverity.join(", ")})` : ""}, ${incidents.closedThisWeek.total} closed; ${incidents.open.total} open, ${incidents.open.awaitingTriage} awaiting triage.`,
    `Audits and reviews in the next 30 days: ${upcomingReviews.items.length > 0 ? upcomingReviews.items.map((review) => `${review.reference} on ${formatCalendarDate(review.scheduledOn)}`).join("; ") : "none planned"}.`,
    `Policy questions the policy did not answer this week: ${policyQuestions.unansweredThisWeek} (${policyQuestions.routedToGovernance} passed to governance); answered with governance's answers: ${policyQuestions.answeredByGovernance}.`,
    ...(digest.statementOfApplicability ? [`Statement of Applicability: ${describeApplicability(digest.statementOfApplicability)}.`] : []),
    ...(digest.objectiveMeasures && digest.objectiveMeasures.length > 0 ? ["AI objectives measured:", ...digest.objectiveMeasures.map((summary) => `  • ${describeMeasureSummary(summary)}`)] : []),
  ];
  return {
    kind: "weekly_digest",
    subject: `AI governance digest, week of ${formatCalendarDate(period.weekStart)}`,
    text: lines.join("\n"),
    recordRef: `digest:${period.weekStart}`,
  };
}

/** Each overdue list with a count: its title, then one line per item this reader may see named. */
function overdueLines(digest: WeeklyDigest, reader: DigestReader): string[] {
  return overdueViews(digest, reader)
    .filter((view) => view.count > 0)
    .flatMap((view) => [
      `${view.title}: ${view.count}${view.named.length > 0 ? "" : "."}`,
      ...view.named.map((item) => `  • ${describeOverdueItem(view.key, item)}`),
      ...view.notes.map((note) => `  ${note}`),
    ]);
}
