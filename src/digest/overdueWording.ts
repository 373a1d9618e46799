// How each copy of the digest shows what is overdue. The governance team sees every item named;
// a manager sees them named except those of confidential incidents, which are counted; a channel
// (anyone in it may read) gets counts only.
import { formatCalendarDate, plural } from "./digestWording.js";
import type { DigestReader, OverdueItem, OverdueList, WeeklyDigest } from "./weeklyDigest.js";

export const overdueListKeys = ["overdueActions", "longOpenIncidents", "overdueReviews", "overdueAttestations"] as const;
export type OverdueListKey = (typeof overdueListKeys)[number];

export const overdueListTitles: Record<OverdueListKey, string> = {
  overdueActions: "Overdue corrective actions",
  longOpenIncidents: "Incidents open for over 30 days",
  overdueReviews: "AI systems overdue for review",
  overdueAttestations: "AI systems due for re-attestation",
};

export interface OverdueView {
  key: OverdueListKey;
  title: string;
  count: number;
  /** The items this reader may see named, longest overdue first. */
  named: OverdueItem[];
  /** What the reader is told about the rest: counted, not named. */
  notes: string[];
}

export function overdueViews(digest: WeeklyDigest, reader: DigestReader): OverdueView[] {
  return overdueListKeys.map((key) => viewOf(key, digest[key], reader));
}

function viewOf(key: OverdueListKey, list: OverdueList, reader: DigestReader): OverdueView {
  const view = { key, title: overdueListTitles[key], count: list.count };
  if (reader === "channel") return { ...view, named: [], notes: list.count > 0 ? ["Counted only in a channel; the governance team and managers receive them by name."] : [] };
  const named = reader === "governance" ? list.items : list.items.filter((item) => !item.confidential);
  const notes: string[] = [];
  if (reader === "manager" && list.confidential > 0) {
    notes.push(`${plural(list.confidential, "concerns a confidential incident", "concern confidential incidents")}: counted here; the governance team has the details.`);
  }
  const unlisted = list.count - list.items.length;
  if (unlisted > 0) notes.push(`…and ${unlisted} more.`);
  return { ...view, named, notes };
}

/** "CA-0005 for INC-0003, owner Gina Governance, due 15 October 2026 (41 days overdue)"; "… (due today)", never "0 days overdue". */
export function describeOverdueItem(key: OverdueListKey, item: OverdueItem): string {
  const who = item.ownerName ? `, ${key === "longOpenIncidents" ? "assigned to" : "owner"} ${item.ownerName}` : key === "longOpenIncidents" ? ", not assigned" : ", no owner";
  const late = key === "longOpenIncidents" ? `open ${plural(item.daysOverdue, "day")}` : item.daysOverdue === 0 ? "due today" : `${plural(item.daysOverdue, "day")} overdue`;
  return `${item.reference}${item.what ? ` ${item.what}` : ""}${who}, ${item.sinceLabel} ${formatCalendarDate(item.since, { weekday: false })} (${late})`;
}
