// The digest's "Needs attention" list, computed once from its figures and read the same way on every
// surface: each line says how many, and how that compares with last week's digest.
import type { AttentionCounts } from "./digestHistory.js";
import { plural } from "./digestWording.js";
import { attentionKeys, type AttentionItem, type AttentionKey, type WeeklyDigest } from "./weeklyDigest.js";

type Figures = Omit<WeeklyDigest, "needsAttention" | "lastWeekRecorded">;

export function attentionCounts(figures: Figures): AttentionCounts {
  const { incidents, systems, shadowAi, policyQuestions } = figures;
  return {
    awaitingTriage: incidents.open.awaitingTriage,
    overdueActions: figures.overdueActions.count,
    longOpenIncidents: figures.longOpenIncidents.count,
    overdueReview: systems.overdueReview,
    overdueAttestation: systems.overdueAttestation,
    awaitingReview: systems.awaitingReview,
    shadowAi: shadowAi.open,
    unansweredQuestions: policyQuestions.unansweredThisWeek,
  };
}

/**
 * Most urgent first. A line shows when there is something now, or when there was last week (so that
 * "0, down from 3" says the work was done).
 */
export function needsAttention(counts: AttentionCounts, lastWeek: AttentionCounts | null): AttentionItem[] {
  return attentionKeys
    .map((key): AttentionItem => ({ key, count: counts[key], ...(lastWeek && Number.isFinite(lastWeek[key]) ? { lastWeek: lastWeek[key] } : {}) }))
    .filter((item) => item.count > 0 || (item.lastWeek ?? 0) > 0);
}

const wording: Record<AttentionKey, (count: number) => string> = {
  awaitingTriage: (count) => `${plural(count, "incident")} awaiting triage`,
  overdueActions: (count) => `${plural(count, "corrective action")} overdue`,
  longOpenIncidents: (count) => `${plural(count, "incident")} open for over 30 days`,
  overdueReview: (count) => `${plural(count, "AI system")} overdue for review`,
  overdueAttestation: (count) => `${plural(count, "AI system")} due for re-attestation`,
  awaitingReview: (count) => `${plural(count, "AI system")} awaiting review`,
  shadowAi: (count) => `${plural(count, "possible unregistered AI tool")} without an owner`,
  unansweredQuestions: (count) => `${plural(count, "policy question")} the policy did not answer`,
};

/** "3 corrective actions overdue (up from 1 last week)". */
export function describeAttention(item: AttentionItem): string {
  return `${wording[item.key](item.count)}${changeSinceLastWeek(item)}`;
}

function changeSinceLastWeek({ count, lastWeek }: AttentionItem): string {
  if (lastWeek === undefined) return "";
  if (lastWeek === count) return " (as last week)";
  return ` (${count > lastWeek ? "up" : "down"} from ${lastWeek} last week)`;
}

/** The headline's sentence after "Needs attention:". */
export function attentionSentence(digest: Pick<WeeklyDigest, "needsAttention" | "lastWeekRecorded">, separator: string): string {
  const lines = digest.needsAttention.map(describeAttention);
  const said = lines.length > 0 ? lines.join(separator) : "nothing this week";
  return `${said}.${digest.lastWeekRecorded ? "" : " (No digest was sent last week to compare with.)"}`;
}
