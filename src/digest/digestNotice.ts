// The digest as a chat message: what needs attention, then a few lines of figures. Chat apps do not
// render Markdown tables, so this is plain lines; the full tables are in `aims digest --preview`.
import { severityLabels } from "../domain/labels.js";
import { Severity } from "../generated/prisma/enums.js";
import type { Notice } from "../domain/governanceNotices.js";
import { describeApplicability, formatCalendarDate, plural } from "./digestWording.js";
import { attentionItems } from "./digestMarkdown.js";
import type { WeeklyDigest } from "./weeklyDigest.js";

export function digestNotice(digest: WeeklyDigest): Notice {
  const { systems, incidents, overdueActions, upcomingReviews, policyQuestions, shadowAi, period } = digest;
  const attention = attentionItems(digest);
  const bySeverity = Object.values(Severity)
    .filter((severity) => incidents.openedThisWeek.bySeverity[severity] > 0)
    .map((severity) => `${incidents.openedThisWeek.bySeverity[severity]} ${severityLabels[severity]}`);
  const lines = [
    `Needs attention: ${attention.length > 0 ? attention.join("; ") : "nothing this week"}.`,
    `AI systems: ${systems.total} in use (${systems.newThisWeek} new), ${systems.byRiskTier.high} high, ${systems.byRiskTier.medium} medium, ${systems.byRiskTier.low} low risk; ${systems.awaitingReview} awaiting review, ${systems.overdueReview} overdue for review, ${systems.overdueAttestation} due for re-attestation.`,
    `Possible unregistered AI: ${shadowAi.newThisWeek} reported this week, ${shadowAi.open} without an owner.`,
    `Incidents: ${plural(incidents.openedThisWeek.total, "incident")} reported this week${bySeverity.length > 0 ? ` (${bySeverity.join(", ")})` : ""}, ${incidents.closedThisWeek.total} closed; ${incidents.open.total} open, ${incidents.open.awaitingTriage} awaiting triage, ${incidents.open.byAge.overThirtyDays} open for over 30 days.`,
    `Corrective actions overdue: ${overdueActions.count}${overdueActions.oldest.length > 0 ? ` (oldest: ${overdueActions.oldest.map((action) => `${action.reference}, ${action.ownerName}, ${action.daysOverdue} days`).join("; ")})` : ""}.`,
    `Audits and reviews in the next 30 days: ${upcomingReviews.items.length > 0 ? upcomingReviews.items.map((review) => `${review.reference} on ${formatCalendarDate(review.scheduledOn)}`).join("; ") : "none planned"}.`,
    `Policy questions the policy did not answer this week: ${policyQuestions.unansweredThisWeek} (${policyQuestions.routedToGovernance} passed to governance); answered with governance's answers: ${policyQuestions.answeredByGovernance}.`,
    ...(digest.statementOfApplicability ? [`Statement of Applicability: ${describeApplicability(digest.statementOfApplicability)}.`] : []),
  ];
  return {
    kind: "weekly_digest",
    subject: `AI governance digest, week of ${formatCalendarDate(period.weekStart)}`,
    text: lines.join("\n"),
    recordRef: `digest:${period.weekStart}`,
  };
}
