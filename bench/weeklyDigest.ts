// The weekly digest at scale: 10,000 AI systems and 100,000 incidents. Times buildWeeklyDigest
// against the same figures from a few hand-written SQL queries, and counts the statements each
// sends, on PostgreSQL when DATABASE_URL (or TEST_DATABASE_URL) is set (in a scratch database
// created beside it and dropped afterwards) and on the embedded database otherwise.
// Run: npx tsx bench/weeklyDigest.ts (part of npm run bench). Target: digest ≤ 1.5 × hand-written.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaClient } from "../src/generated/prisma/client.js";
import { buildWeeklyDigest } from "../src/digest/buildWeeklyDigest.js";
import { digestPeriod, type WeeklyDigest } from "../src/digest/weeklyDigest.js";
import { openDatabase, type Database } from "../src/store/database.js";
import { countingQueries } from "../src/store/queryCounting.js";
import { asDateColumn, monthsBefore } from "../src/digest/zonedCalendar.js";
import { createScratchPostgres, databaseServerUrl } from "./support/scratchDatabase.js";

const systemCount = 10_000;
const incidentCount = 100_000;
const runs = 9;
const timeZone = "Europe/London";

interface Scratch {
  database: Database;
  label: string;
  dispose(): Promise<void>;
}

async function openScratch(): Promise<Scratch> {
  const serverUrl = databaseServerUrl();
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aims-bench-digest-"));
    fs.chmodSync(dir, 0o755); // as root the embedded server runs as `postgres`
    const database = await openDatabase({ kind: "embedded", dataDir: path.join(dir, "data") });
    await database.migrate();
    return {
      database,
      label: "embedded (PostgreSQL server in a temporary data folder)",
      async dispose() {
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const scratch = await createScratchPostgres(serverUrl);
  const database = await openDatabase({ kind: "postgresql", url: scratch.url });
  await database.migrate();
  return {
    database,
    label: `PostgreSQL (${new URL(serverUrl).host}, scratch database ${scratch.name})`,
    async dispose() {
      await database.close();
      await scratch.drop();
    },
  };
}

/** Set-based inserts: the whole data set in a few statements, spread over three years. */
async function fill(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Person" (id, "displayName", email, "updatedAt")
    SELECT gen_random_uuid(), 'Person ' || i, 'person' || i || '@bench.test', now()
    FROM generate_series(1, 50) AS i`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "AiSystem" (id, reference, name, kind, "riskTier", status, "nextReviewDate", "lastAttestedAt", "createdVia", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), 'AIS-' || lpad(i::text, 5, '0'), 'System ' || i,
           (ARRAY['internal_model','third_party_service','embedded_in_purchased_software','component_in_own_product'])[1 + i % 4]::"AiSystemKind",
           CASE WHEN i % 11 = 0 THEN NULL ELSE (ARRAY['low','medium','high'])[1 + i % 3]::"RiskTier" END,
           (ARRAY['draft','pending_review','retired','rejected','approved','approved','approved','approved','approved','approved'])[1 + i % 10]::"AiSystemStatus",
           current_date + ((i % 400) - 60),
           CASE WHEN i % 17 = 0 THEN NULL ELSE now() - make_interval(days => i % 400) END,
           'import', now() - make_interval(days => i % 1095, hours => i % 24), now()
    FROM generate_series(1, ${systemCount}) AS i`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Incident" (id, reference, "systemId", type, severity, status, description, confidential, "reportedAt", "closedAt", "createdVia", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), 'INC-' || lpad(i::text, 6, '0'), s.id,
           (ARRAY['bias','inaccurate_output','privacy','safety','security','drift','transparency','misuse','other'])[1 + i % 9]::"IncidentType",
           (ARRAY['sev1','sev2','sev3','sev4'])[1 + i % 4]::"Severity",
           st.status::"IncidentStatus", 'Incident ' || i, i % 7 = 0,
           r.at, CASE WHEN st.status = 'closed' THEN least(r.at + interval '5 days', now()) END,
           'import', r.at, r.at
    FROM generate_series(1, ${incidentCount}) AS i
    CROSS JOIN LATERAL (SELECT now() - make_interval(days => i % 1095, hours => i % 23, mins => i % 59) AS at) AS r
    CROSS JOIN LATERAL (SELECT CASE WHEN i % 20 < 16 THEN 'closed'
                                    ELSE (ARRAY['reported','triaged','investigating','contained','resolved','declined','duplicate'])[1 + i % 7] END AS status) AS st
    JOIN (SELECT id, row_number() OVER (ORDER BY reference) AS n FROM "AiSystem") AS s ON s.n = 1 + i % ${systemCount}`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "CorrectiveAction" (id, reference, description, "ownerId", "dueDate", status, "createdVia", "updatedAt")
    SELECT gen_random_uuid(), 'CA-' || lpad(i::text, 5, '0'), 'Action ' || i, p.id, current_date + ((i % 120) - 60),
           (ARRAY['open','open','done','cancelled'])[1 + i % 4]::"CorrectiveActionStatus", 'import', now()
    FROM generate_series(1, 5000) AS i
    JOIN (SELECT id, row_number() OVER (ORDER BY email) AS n FROM "Person") AS p ON p.n = 1 + i % 50`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "ScheduledReview" (id, reference, kind, "scheduledOn", scope, status, "createdVia", "updatedAt")
    SELECT gen_random_uuid(), 'REV-' || lpad(i::text, 4, '0'), (ARRAY['internal_audit','management_review'])[1 + i % 2]::"ReviewKind",
           current_date + (i * 7 - 60), 'Scope ' || i, 'planned', 'import', now()
    FROM generate_series(1, 30) AS i`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "PolicyQuestion" (id, question, answered, source, channel, "routedAt", "createdAt")
    SELECT gen_random_uuid(), 'Question ' || i, i % 3 <> 0, 'extract', 'slack',
           CASE WHEN i % 9 = 0 THEN now() END, now() - make_interval(hours => i % 2000)
    FROM generate_series(1, 20000) AS i`);
  await prisma.$executeRawUnsafe(`ANALYZE`);
}

/** The figures of the digest, written by hand: one pass per table, grouped once. */
async function handWrittenFigures(prisma: PrismaClient, now: Date) {
  const period = digestPeriod(now, timeZone);
  const today = asDateColumn(period.today);
  const attestationCutoff = monthsBefore(now, 6);
  const day = 24 * 60 * 60 * 1000;
  const ago = (days: number) => new Date(now.getTime() - days * day);
  const twelveWeeksFrom = new Date(period.from.getTime() - 11 * 7 * day - 2 * 60 * 60 * 1000);
  return Promise.all([
    prisma.$queryRaw<unknown[]>`
      SELECT status, "riskTier", kind, count(*)::int AS systems,
             count(*) FILTER (WHERE "createdAt" >= ${period.from})::int AS "newThisWeek",
             count(*) FILTER (WHERE "nextReviewDate" < ${today})::int AS "overdueReview",
             count(*) FILTER (WHERE "lastAttestedAt" IS NULL OR "lastAttestedAt" < ${attestationCutoff})::int AS "overdueAttestation"
      FROM "AiSystem" GROUP BY 1, 2, 3`,
    prisma.$queryRaw<{ opened: number; closed: number; open: number; overThirtyDays: number }[]>`
      SELECT severity, type, confidential,
             count(*) FILTER (WHERE "reportedAt" >= ${period.from})::int AS opened,
             count(*) FILTER (WHERE status = 'closed' AND "closedAt" >= ${period.from})::int AS closed,
             count(*) FILTER (WHERE status IN ('reported','triaged','investigating','contained','resolved'))::int AS open,
             count(*) FILTER (WHERE status IN ('reported','triaged','investigating','contained','resolved') AND "reportedAt" > ${ago(1)})::int AS "underOneDay",
             count(*) FILTER (WHERE status IN ('reported','triaged','investigating','contained','resolved') AND "reportedAt" <= ${ago(1)} AND "reportedAt" > ${ago(8)})::int AS "oneToSevenDays",
             count(*) FILTER (WHERE status IN ('reported','triaged','investigating','contained','resolved') AND "reportedAt" <= ${ago(8)} AND "reportedAt" > ${ago(31)})::int AS "eightToThirtyDays",
             count(*) FILTER (WHERE status IN ('reported','triaged','investigating','contained','resolved') AND "reportedAt" <= ${ago(31)})::int AS "overThirtyDays",
             count(*) FILTER (WHERE status = 'reported')::int AS "awaitingTriage"
      FROM "Incident" GROUP BY 1, 2, 3`,
    prisma.$queryRaw<unknown[]>`
      SELECT date_trunc('week', ("reportedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone})::date AS week, count(*)::int AS incidents
      FROM "Incident" WHERE "reportedAt" >= ${twelveWeeksFrom} GROUP BY 1 ORDER BY 1`,
    prisma.$queryRaw<{ overdue: number }[]>`
      SELECT a.reference, a."dueDate", p."displayName", count(*) OVER ()::int AS overdue
      FROM "CorrectiveAction" a JOIN "Person" p ON p.id = a."ownerId"
      WHERE a.status = 'open' AND a."dueDate" < ${today}
      ORDER BY a."dueDate", a.reference LIMIT 5`,
    prisma.$queryRaw<unknown[]>`
      SELECT r.reference, r.kind, r."scheduledOn", r.scope, p."displayName", count(*) OVER ()::int AS upcoming
      FROM "ScheduledReview" r LEFT JOIN "Person" p ON p.id = r."leadId"
      WHERE r.status = 'planned' AND r."scheduledOn" BETWEEN ${today} AND ${new Date(today.getTime() + 30 * day)}
      ORDER BY r."scheduledOn", r.reference LIMIT 10`,
    prisma.$queryRaw<{ unanswered: number; routed: number }[]>`
      SELECT count(*)::int AS unanswered, count("routedAt")::int AS routed
      FROM "PolicyQuestion" WHERE answered = false AND "createdAt" >= ${period.from}`,
    prisma.$queryRaw<{ decided: number; implemented: number; excluded: number }[]>`
      SELECT count(*)::int AS decided,
             count(*) FILTER (WHERE applicable AND implementation = 'implemented')::int AS implemented,
             count(*) FILTER (WHERE NOT applicable)::int AS excluded
      FROM "ControlApplicability"`,
  ]);
}

/** The two ways must agree, or the comparison means nothing. */
function checkAgreement(digest: WeeklyDigest, handWritten: Awaited<ReturnType<typeof handWrittenFigures>>): void {
  const [, incidentRows, , actionRows, , [questions], [controls]] = handWritten;
  const sum = (key: "opened" | "closed" | "open" | "overThirtyDays") => incidentRows.reduce((total, row) => total + row[key], 0);
  const pairs: [string, number, number][] = [
    ["incidents opened this week", digest.incidents.openedThisWeek.total, sum("opened")],
    ["incidents closed this week", digest.incidents.closedThisWeek.total, sum("closed")],
    ["open incidents", digest.incidents.open.total, sum("open")],
    ["incidents open over 30 days", digest.longOpenIncidents.count, sum("overThirtyDays")],
    ["overdue corrective actions", digest.overdueActions.count, actionRows[0]?.overdue ?? 0],
    ["unanswered policy questions", digest.policyQuestions.unansweredThisWeek, questions?.unanswered ?? 0],
    ["decided Annex A controls", digest.statementOfApplicability?.decided ?? 0, controls?.decided ?? 0],
  ];
  const disagreements = pairs.filter(([, digestValue, sqlValue]) => digestValue !== sqlValue);
  if (disagreements.length > 0) throw new Error(`the digest and the hand-written SQL disagree: ${JSON.stringify(disagreements)}`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Runs the two ways in turn, a warm-up first (plans cached, pages in memory), so that whatever else
 * the machine is doing weighs on both alike.
 */
async function timedInTurn<A, B>(first: () => Promise<A>, second: () => Promise<B>): Promise<{ first: A; second: B; firstMs: number; secondMs: number }> {
  let [a, b] = [await first(), await second()];
  const firstTimes: number[] = [];
  const secondTimes: number[] = [];
  for (let run = 0; run < runs; run++) {
    let started = performance.now();
    a = await first();
    firstTimes.push(performance.now() - started);
    started = performance.now();
    b = await second();
    secondTimes.push(performance.now() - started);
  }
  return { first: a, second: b, firstMs: median(firstTimes), secondMs: median(secondTimes) };
}

export interface DigestFigures {
  label: string;
  digestMs: number;
  handWrittenMs: number;
  digestQueries: number;
  handWrittenQueries: number;
  /** Digest time over hand-written SQL time; target ≤ 1.5. */
  digestRatio: number;
  fillSeconds: number;
}

export async function weeklyDigestBenchmark(): Promise<DigestFigures> {
  const scratch = await openScratch();
  try {
    const { factory, log } = countingQueries(scratch.database.adapterFactory);
    const prisma = new PrismaClient({ adapter: factory });
    const filling = performance.now();
    await fill(prisma);
    const fillSeconds = (performance.now() - filling) / 1000;

    const now = new Date();
    log.reset();
    await buildWeeklyDigest(prisma, { now, timeZone });
    const digestQueries = log.count;
    log.reset();
    await handWrittenFigures(prisma, now);
    const handWrittenQueries = log.count;

    const timing = await timedInTurn(
      () => buildWeeklyDigest(prisma, { now, timeZone }),
      () => handWrittenFigures(prisma, now),
    );
    checkAgreement(timing.first, timing.second);
    await prisma.$disconnect();
    return { label: scratch.label, digestMs: timing.firstMs, handWrittenMs: timing.secondMs, digestQueries, handWrittenQueries, digestRatio: timing.firstMs / timing.secondMs, fillSeconds };
  } finally {
    await scratch.dispose();
  }
}

export const digestScale = { systemCount, incidentCount, runs };

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = await weeklyDigestBenchmark();
  console.log(`Weekly digest over ${systemCount.toLocaleString("en")} AI systems and ${incidentCount.toLocaleString("en")} incidents on ${figures.label}`);
  console.log(`(data inserted in ${figures.fillSeconds.toFixed(1)} s; median of ${runs} runs of each, taken in turn after a warm-up)`);
  console.table([
    { way: "buildWeeklyDigest", medianMs: Number(figures.digestMs.toFixed(1)), queries: figures.digestQueries },
    { way: "hand-written SQL", medianMs: Number(figures.handWrittenMs.toFixed(1)), queries: figures.handWrittenQueries },
  ]);
  console.log(`digestRatio ${figures.digestRatio.toFixed(2)} (target ≤ 1.5): ${figures.digestRatio <= 1.5 ? "met" : "NOT met"}`);
}
