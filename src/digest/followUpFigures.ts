// What needs following up: audits and reviews coming up, and policy
// questions the policy could not answer. Lists are short and bounded; totals come from counts.
import type { PrismaClient } from "../generated/prisma/client.js";
import {
  upcomingReviewDays,
  type DigestPeriod,
  type PolicyQuestionFigures,
  type UpcomingReviews,
} from "./weeklyDigest.js";
import { addDays, asDateColumn } from "./zonedCalendar.js";

/** Upcoming reviews listed in full; more than this many in a month is itself worth a look, and still counted. */
const upcomingReviewsListed = 10;

export async function followUpFigures(
  prisma: PrismaClient,
  period: DigestPeriod,
): Promise<{ upcomingReviews: UpcomingReviews; policyQuestions: PolicyQuestionFigures }> {
  const [upcomingReviews, policyQuestions] = await Promise.all([
    upcomingAuditsAndReviews(prisma, period),
    unansweredPolicyQuestions(prisma, period),
  ]);
  return { upcomingReviews, policyQuestions };
}

async function upcomingAuditsAndReviews(prisma: PrismaClient, period: DigestPeriod): Promise<UpcomingReviews> {
  const upcoming = {
    status: "planned" as const,
    scheduledOn: { gte: asDateColumn(period.today), lte: asDateColumn(addDays(period.today, upcomingReviewDays)) },
  };
  const [count, reviews] = await Promise.all([
    prisma.scheduledReview.count({ where: upcoming }),
    prisma.scheduledReview.findMany({
      where: upcoming,
      orderBy: [{ scheduledOn: "asc" }, { reference: "asc" }],
      take: upcomingReviewsListed,
      select: { reference: true, kind: true, scheduledOn: true, scope: true, lead: { select: { displayName: true } } },
    }),
  ]);
  return {
    count,
    items: reviews.map(({ reference, kind, scheduledOn, scope, lead }) => ({
      reference,
      kind,
      scheduledOn: scheduledOn.toISOString().slice(0, 10),
      scope,
      leadName: lead?.displayName ?? null,
    })),
  };
}

async function unansweredPolicyQuestions(prisma: PrismaClient, period: DigestPeriod): Promise<PolicyQuestionFigures> {
  // One pass over the week's questions and those answered in it. Counting a column counts its
  // non-null values: the questions passed on to governance. Answered by the governance team: their
  // answer to a question passed on, or a curated answer given again.
  const [counts] = await prisma.$queryRaw<{ unanswered: number; routed: number; answeredByGovernance: number }[]>`
    SELECT count(*) FILTER (WHERE "answered" = false AND "createdAt" >= ${period.from} AND "createdAt" <= ${period.to})::int AS "unanswered",
           count("routedAt") FILTER (WHERE "answered" = false AND "createdAt" >= ${period.from} AND "createdAt" <= ${period.to})::int AS "routed",
           count(*) FILTER (WHERE ("answeredAt" >= ${period.from} AND "answeredAt" <= ${period.to})
                               OR ("source" = 'curated' AND "createdAt" >= ${period.from} AND "createdAt" <= ${period.to}))::int AS "answeredByGovernance"
    FROM "PolicyQuestion"
    WHERE "createdAt" >= ${period.from} OR "answeredAt" >= ${period.from}`;
  return { unansweredThisWeek: counts?.unanswered ?? 0, routedToGovernance: counts?.routed ?? 0, answeredByGovernance: counts?.answeredByGovernance ?? 0 };
}
