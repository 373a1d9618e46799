// The weekly governance digest: where AI governance stands, as plain data that any surface
// (Slack, Teams, the CLI preview) renders. Every figure comes from an aggregate or a bounded query,
// so the number of queries stays the same whether there are ten records or a hundred thousand.
// Confidential incidents are counted like any other and never described: nothing here holds an
// incident's description, reporter or system. An overdue item of one is flagged, so that only the
// governance team's copy names it (overdueWording.ts).
import type { AiSystemKind, IncidentType, ReviewKind, RiskTier, Severity } from "../generated/prisma/enums.js";
import type { MeasureSummary } from "../objectives/measurementSummary.js";
import { addDays, assertTimeZone, calendarDateIn, mondayOf, startOfDayIn, type CalendarDate } from "./zonedCalendar.js";

export interface DigestOptions {
  now: Date;
  /** IANA zone of the readers: the week starts on their Monday 00:00 and "today" is their date. */
  timeZone: string;
  /** A system not re-attested by its owner for this many months is overdue (default 6). */
  attestationMonths?: number;
}

export interface DigestPeriod {
  /** Monday 00:00 in the time zone. */
  from: Date;
  /** The moment the digest was built. */
  to: Date;
  timeZone: string;
  /** The readers' date at `to`; "overdue" means due before this date. */
  today: CalendarDate;
  weekStart: CalendarDate;
}

/** Systems without a tier yet (drafts, older records) are counted under "unassessed". */
export type TierKey = RiskTier | "unassessed";
export type KindKey = AiSystemKind | "unspecified";

export interface SystemFigures {
  /** The inventory in use: systems pending review or approved (not drafts, rejected or retired ones). */
  total: number;
  newThisWeek: number;
  byRiskTier: Record<TierKey, number>;
  byKind: Record<KindKey, number>;
  awaitingReview: number;
  overdueReview: number;
  overdueAttestation: number;
  attestationMonths: number;
}

/** AI tools seen in use and reported by someone other than an owner (systems still in draft). */
export interface ShadowAiFigures {
  newThisWeek: number;
  open: number;
}

export interface IncidentBreakdown {
  total: number;
  bySeverity: Record<Severity, number>;
  byType: Record<IncidentType, number>;
  /** How many of them are confidential: counted, never described. */
  confidential: number;
}

export const ageBands = ["underOneDay", "oneToSevenDays", "eightToThirtyDays", "overThirtyDays"] as const;
export type AgeBand = (typeof ageBands)[number];

export interface OpenIncidentFigures {
  /** Reported, triaged, investigating, contained or resolved (not yet closed). */
  total: number;
  byAge: Record<AgeBand, number>;
  /** Reported and not yet acknowledged by the governance team. */
  awaitingTriage: number;
}

export interface IncidentFigures {
  openedThisWeek: IncidentBreakdown;
  closedThisWeek: IncidentBreakdown;
  open: OpenIncidentFigures;
}

/**
 * Something overdue, named by what identifies it and nothing more: a system's name, an incident's
 * severity and type, the incident an action is for. Never a description, which can retell a
 * confidential incident.
 */
export interface OverdueItem {
  reference: string;
  what: string;
  ownerName: string | null;
  /** The date the item is late from, and what that date is ("due", "review due", "last attested", "reported"). */
  since: CalendarDate;
  sinceLabel: string;
  /** Days late; for an incident, days open. */
  daysOverdue: number;
  /** About a confidential incident: named to the governance team only, counted for everyone else. */
  confidential: boolean;
}

export interface OverdueList {
  count: number;
  /** How many of `count` are about confidential incidents. */
  confidential: number;
  /** The longest overdue first, at most `overdueItemsListed`. */
  items: OverdueItem[];
}

export interface UpcomingReviewItem {
  reference: string;
  kind: ReviewKind;
  scheduledOn: CalendarDate;
  scope: string;
  leadName: string | null;
}

export interface UpcomingReviews {
  /** Planned internal audits and management reviews in the next `upcomingReviewDays` days. */
  count: number;
  items: UpcomingReviewItem[];
}

export interface PolicyQuestionFigures {
  /** Questions asked this week that the policy did not answer: where it has gaps. */
  unansweredThisWeek: number;
  /** Of those, how many were passed to the governance team. */
  routedToGovernance: number;
  /** Questions answered this week by the governance team's answers (written for them, or curated and given again). */
  answeredByGovernance: number;
}

export interface WeeklyIncidentCount {
  /** The Monday the week starts on, in the digest's time zone. */
  weekStart: CalendarDate;
  count: number;
}

/** Coverage of the Statement of Applicability (ISO/IEC 42001 6.1.3): how many Annex A controls are decided. */
export interface StatementOfApplicabilityCoverage {
  /** All Annex A controls (38). */
  controls: number;
  decided: number;
  excluded: number;
  /** Applicable controls recorded as implemented. */
  implemented: number;
}

/** The "Needs attention" headline's lines, most urgent first. */
export const attentionKeys = [
  "awaitingTriage",
  "overdueActions",
  "longOpenIncidents",
  "overdueReview",
  "overdueAttestation",
  "awaitingReview",
  "shadowAi",
  "unansweredQuestions",
] as const;
export type AttentionKey = (typeof attentionKeys)[number];

export interface AttentionItem {
  key: AttentionKey;
  count: number;
  /** The count in last week's digest; absent when no digest was recorded last week. */
  lastWeek?: number;
}

/** Who reads a copy: governance members see overdue items named, managers not those of confidential incidents, channels counts only. */
export type DigestReader = "governance" | "manager" | "channel";

export interface WeeklyDigest {
  period: DigestPeriod;
  /** Computed once here, and shown in full by every surface (chat, Slack, Teams, the CLI). */
  needsAttention: AttentionItem[];
  /** Whether last week's digest was recorded, so that "changes since last week" can be said. */
  lastWeekRecorded: boolean;
  systems: SystemFigures;
  shadowAi: ShadowAiFigures;
  incidents: IncidentFigures;
  overdueActions: OverdueList;
  /** AI systems whose review date has passed. */
  overdueReviews: OverdueList;
  /** AI systems their owner has not re-attested within `attestationMonths`. */
  overdueAttestations: OverdueList;
  /** Incidents open for over 30 days. */
  longOpenIncidents: OverdueList;
  upcomingReviews: UpcomingReviews;
  policyQuestions: PolicyQuestionFigures;
  /** Oldest first, one entry per week (weeks without incidents count 0), the current week last. */
  incidentsPerWeek: WeeklyIncidentCount[];
  /** Absent in digests built before the SoA was kept; renderers then leave the section out. */
  statementOfApplicability?: StatementOfApplicabilityCoverage;
  /** One line per measured AI objective (9.1): latest result against target, trend since the one before. */
  objectiveMeasures?: MeasureSummary[];
}

/** How many measured objectives the digest lists at most. */
export const measuredObjectivesListed = 20;

export const defaultAttestationMonths = 6;
export const chartWeeks = 12;
export const overdueItemsListed = 10;
export const upcomingReviewDays = 30;

export function digestPeriod(now: Date, timeZone: string): DigestPeriod {
  assertTimeZone(timeZone);
  const today = calendarDateIn(now, timeZone);
  const weekStart = mondayOf(today);
  return { from: startOfDayIn(weekStart, timeZone), to: now, timeZone, today, weekStart };
}

/** The Mondays of the chart's weeks, oldest first, ending with the current week. */
export function chartWeekStarts(period: DigestPeriod): CalendarDate[] {
  return Array.from({ length: chartWeeks }, (_, index) => addDays(period.weekStart, (index - (chartWeeks - 1)) * 7));
}

/** A record with every key of an enum at 0, so a missing group reads as "none" rather than undefined. */
export function zeroCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}
