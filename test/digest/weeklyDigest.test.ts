import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "../../src/generated/prisma/client.js";
import { renderDigestMarkdown } from "../../src/digest/digestMarkdown.js";
import { buildWeeklyDigest } from "../../src/digest/buildWeeklyDigest.js";
import type { WeeklyDigest } from "../../src/digest/weeklyDigest.js";
import { countingQueries } from "../../src/store/queryCounting.js";
import { backends, openTestDatabase, type TestDatabase } from "../support/testDatabase.js";

// Wednesday 25 Nov 2026, 21:00 in Tokyo (UTC+9): the week began on Monday 23 Nov 00:00 JST, which is
// Sunday 22 Nov 15:00 UTC. Records on either side of that instant test the boundary, which a UTC week
// would put elsewhere.
const now = new Date("2026-11-25T12:00:00Z");
const timeZone = "Asia/Tokyo";
const justAfterWeekStart = new Date("2026-11-22T16:00:00Z");
const justBeforeWeekStart = new Date("2026-11-22T14:00:00Z");

/** What confidential incidents hold; the system "Secret Salary Predictor" is only named as an inventory item. */
const incidentSecrets = ["SECRET-DESCRIPTION of the salary leak", "Rosalind Reporter", "Hidden HR Tool", "SECRET-TWO", "SECRET-ACTION"];

async function seed(prisma: PrismaClient): Promise<void> {
  const [owner, governance, reporter] = await Promise.all([
    prisma.person.create({ data: { displayName: "Olivia Owner", email: "olivia@example.test" } }),
    prisma.person.create({ data: { displayName: "Gina Governance", email: "gina@example.test", roles: ["governance"] } }),
    prisma.person.create({ data: { displayName: "Rosalind Reporter", email: "rosalind@example.test" } }),
  ]);
  const old = new Date("2026-01-01T09:00:00Z");
  const system = (reference: string, fields: Record<string, unknown>) => ({ reference, name: `System ${reference}`, createdVia: "cli" as const, createdAt: old, ...fields });
  await prisma.aiSystem.createMany({
    data: [
      system("AIS-0001", { name: "Secret Salary Predictor", riskTier: "high", kind: "internal_model", status: "approved", nextReviewDate: new Date("2026-11-24"), lastAttestedAt: new Date("2026-01-10T00:00:00Z") }),
      system("AIS-0002", { riskTier: "medium", kind: "third_party_service", status: "pending_review", createdAt: justAfterWeekStart, nextReviewDate: new Date("2026-11-25"), lastAttestedAt: justAfterWeekStart }),
      system("AIS-0003", { riskTier: "low", kind: "third_party_service", status: "approved", nextReviewDate: new Date("2027-01-01"), lastAttestedAt: null }),
      system("AIS-0004", { riskTier: "high", kind: "embedded_in_purchased_software", status: "approved", createdAt: justBeforeWeekStart, nextReviewDate: new Date("2026-12-01"), lastAttestedAt: new Date("2026-06-01T00:00:00Z") }),
      system("AIS-0005", { riskTier: "high", kind: "internal_model", status: "retired", nextReviewDate: new Date("2026-01-01") }),
      system("AIS-0006", { status: "draft", createdAt: new Date("2026-11-24T00:00:00Z") }),
      system("AIS-0007", { status: "draft" }),
      system("AIS-0008", { status: "pending_review", lastAttestedAt: new Date("2026-10-01T00:00:00Z") }),
    ],
  });
  const salaryPredictor = await prisma.aiSystem.findUniqueOrThrow({ where: { reference: "AIS-0001" } });
  const incident = (reference: string, fields: Record<string, unknown>) => ({
    reference,
    description: `Incident ${reference}`,
    createdVia: "cli" as const,
    type: "other" as const,
    severity: "sev3" as const,
    ...fields,
  });
  await prisma.incident.createMany({
    data: [
      incident("INC-0001", { confidential: true, severity: "sev1", type: "privacy", status: "reported", systemId: salaryPredictor.id, reporterId: reporter.id, description: "SECRET-DESCRIPTION of the salary leak", reportedAt: new Date("2026-11-25T11:30:00Z") }),
      incident("INC-0002", { severity: "sev2", type: "bias", status: "investigating", reportedAt: justAfterWeekStart }),
      incident("INC-0003", { severity: "sev3", type: "inaccurate_output", status: "triaged", reportedAt: justBeforeWeekStart }),
      incident("INC-0004", { severity: "sev3", type: "drift", status: "closed", reportedAt: new Date("2026-10-01T10:00:00Z"), closedAt: new Date("2026-11-24T00:00:00Z") }),
      incident("INC-0005", { severity: "sev4", type: "drift", status: "closed", reportedAt: new Date("2026-11-10T01:00:00Z"), closedAt: new Date("2026-11-20T00:00:00Z") }),
      incident("INC-0006", { severity: "sev2", type: "security", status: "contained", reportedAt: new Date("2026-11-10T12:00:00Z") }),
      incident("INC-0007", { severity: "sev4", type: "other", status: "resolved", reportedAt: new Date("2026-09-01T10:00:00Z") }),
      incident("INC-0008", { severity: "sev3", type: "misuse", status: "declined", reportedAt: new Date("2026-11-24T00:00:00Z") }),
      incident("INC-0009", { confidential: true, severity: "sev1", type: "privacy", status: "closed", systemNameFreeText: "Hidden HR Tool", reporterId: reporter.id, description: "SECRET-TWO", reportedAt: new Date("2026-11-20T00:00:00Z"), closedAt: new Date("2026-11-25T01:00:00Z") }),
    ],
  });
  const leak = await prisma.incident.findUniqueOrThrow({ where: { reference: "INC-0001" } });
  const action = (reference: string, ownerId: string, dueDate: string, status: "open" | "done" = "open") => ({
    reference,
    ownerId,
    dueDate: new Date(dueDate),
    status,
    description: `Action ${reference}`,
    createdVia: "cli" as const,
  });
  await prisma.correctiveAction.createMany({
    data: [
      action("CA-0001", owner.id, "2026-11-01"),
      action("CA-0002", governance.id, "2026-11-20"),
      action("CA-0003", owner.id, "2026-10-01", "done"),
      action("CA-0004", owner.id, "2026-11-25"),
      { ...action("CA-0005", governance.id, "2026-10-15"), incidentId: leak.id, description: "SECRET-ACTION retrain on salary data" },
    ],
  });
  const review = (reference: string, kind: "internal_audit" | "management_review", scheduledOn: string, fields: Record<string, unknown> = {}) => ({
    reference,
    kind,
    scheduledOn: new Date(scheduledOn),
    scope: `Scope of ${reference}`,
    createdVia: "cli" as const,
    ...fields,
  });
  await prisma.scheduledReview.createMany({
    data: [
      review("REV-0001", "internal_audit", "2026-12-10", { leadId: governance.id, scope: "AI inventory | risk tiers" }),
      review("REV-0002", "management_review", "2026-12-30"),
      review("REV-0003", "internal_audit", "2026-12-01", { status: "cancelled" }),
      review("REV-0004", "management_review", "2026-11-25"),
    ],
  });
  const question = (answered: boolean, createdAt: Date, routedAt: Date | null = null) => ({ question: "q", answered, source: "extract", channel: "slack" as const, createdAt, routedAt });
  await prisma.policyQuestion.createMany({
    data: [
      question(false, justAfterWeekStart, new Date("2026-11-24T00:00:00Z")),
      question(false, new Date("2026-11-24T00:00:00Z")),
      question(false, new Date("2026-11-25T00:00:00Z")),
      question(false, justBeforeWeekStart),
      question(true, new Date("2026-11-24T00:00:00Z")),
    ],
  });
}

describe.each(backends)("the weekly digest on the %s database", (backend) => {
  let database: TestDatabase;
  let digest: WeeklyDigest;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await seed(database.prisma);
    digest = await buildWeeklyDigest(database.prisma, { now, timeZone });
  });
  afterAll(() => database.dispose());

  it("covers Monday 00:00 in the readers' time zone up to now", () => {
    expect(digest.period).toMatchObject({ from: new Date("2026-11-22T15:00:00Z"), to: now, today: "2026-11-25", weekStart: "2026-11-23" });
  });

  it("counts the systems in use by tier and kind, new ones, and those overdue for review or re-attestation", () => {
    expect(digest.systems).toEqual({
      total: 5,
      newThisWeek: 1,
      byRiskTier: { high: 2, medium: 1, low: 1, unassessed: 1 },
      byKind: { internal_model: 1, third_party_service: 2, embedded_in_purchased_software: 1, component_in_own_product: 0, unspecified: 1 },
      awaitingReview: 2,
      overdueReview: 1,
      overdueAttestation: 2,
      attestationMonths: 6,
    });
    expect(digest.shadowAi).toEqual({ newThisWeek: 1, open: 2 });
  });

  it("counts incidents opened and closed this week by severity and type, confidential ones included", () => {
    expect(digest.incidents.openedThisWeek).toEqual({
      total: 3,
      bySeverity: { sev1: 1, sev2: 1, sev3: 1, sev4: 0 },
      byType: { ...zeroTypes(), privacy: 1, bias: 1, misuse: 1 },
      confidential: 1,
    });
    expect(digest.incidents.closedThisWeek).toEqual({
      total: 2,
      bySeverity: { sev1: 1, sev2: 0, sev3: 1, sev4: 0 },
      byType: { ...zeroTypes(), privacy: 1, drift: 1 },
      confidential: 1,
    });
  });

  it("bands the open incidents by age and counts those awaiting triage", () => {
    expect(digest.incidents.open).toEqual({
      total: 5,
      byAge: { underOneDay: 1, oneToSevenDays: 2, eightToThirtyDays: 1, overThirtyDays: 1 },
      awaitingTriage: 1,
    });
  });

  it("lists overdue corrective actions oldest first, with owner, due date and their incident's reference only", () => {
    expect(digest.overdueActions).toEqual({
      count: 3,
      confidential: 1,
      items: [
        { reference: "CA-0005", what: "for INC-0001", ownerName: "Gina Governance", since: "2026-10-15", sinceLabel: "due", daysOverdue: 41, confidential: true },
        { reference: "CA-0001", what: "", ownerName: "Olivia Owner", since: "2026-11-01", sinceLabel: "due", daysOverdue: 24, confidential: false },
        { reference: "CA-0002", what: "", ownerName: "Gina Governance", since: "2026-11-20", sinceLabel: "due", daysOverdue: 5, confidential: false },
      ],
    });
  });

  it("lists the systems overdue for review or re-attestation and the incidents open for over 30 days", () => {
    expect(digest.overdueReviews.items.map((item) => [item.reference, item.since, item.daysOverdue])).toEqual([["AIS-0001", "2026-11-24", 1]]);
    expect(digest.overdueAttestations).toMatchObject({ count: 2, confidential: 0 });
    expect(digest.overdueAttestations.items.map((item) => [item.reference, item.sinceLabel])).toEqual([
      ["AIS-0003", "never attested; registered"],
      ["AIS-0001", "last attested"],
    ]);
    expect(digest.longOpenIncidents).toMatchObject({ count: 1, confidential: 0, items: [{ reference: "INC-0007", what: "SEV4 (minor), other", since: "2026-09-01", sinceLabel: "reported" }] });
  });

  it("names every overdue item in the governance copy, counts a confidential incident's in a manager's, and names none in a channel's", () => {
    const governance = renderDigestMarkdown(digest, "governance");
    expect(governance).toContain("| CA-0005 | for INC-0001 | Gina Governance | due 15 October 2026 | 41 |");
    expect(governance).toContain("| CA-0001 |  | Olivia Owner | due 1 November 2026 | 24 |");
    expect(governance).toContain("| INC-0007 | SEV4 (minor), other |  | reported 1 September 2026 | 85 |");

    const manager = renderDigestMarkdown(digest, "manager");
    expect(manager).toContain("| CA-0001 |  | Olivia Owner | due 1 November 2026 | 24 |");
    expect(manager).not.toContain("CA-0005");
    expect(manager).not.toContain("INC-0001");
    expect(manager).toContain("## Overdue corrective actions\n3 in all.");
    expect(manager).toContain("1 concerns a confidential incident: counted here; the governance team has the details.");

    const channel = renderDigestMarkdown(digest, "channel");
    expect(channel).toContain("## Overdue corrective actions\n3 in all.");
    expect(channel).not.toMatch(/CA-\d{4}|INC-\d{4}|AIS-\d{4}|Olivia Owner/);
  });

  it("compares what needs attention with last week's digest, once one was sent", async () => {
    expect(digest.lastWeekRecorded).toBe(false);
    expect(renderDigestMarkdown(digest)).toContain("(No digest was sent last week to compare with.)");
    await database.prisma.digestRecord.create({
      data: { timeZone, weekStart: "2026-11-16", attention: { awaitingTriage: 1, overdueActions: 1, longOpenIncidents: 1, overdueReview: 0, overdueAttestation: 2, awaitingReview: 4, shadowAi: 2, unansweredQuestions: 0, staleCount: 3 } },
    });
    const compared = await buildWeeklyDigest(database.prisma, { now, timeZone });
    expect(compared.lastWeekRecorded).toBe(true);
    expect(compared.needsAttention.find((item) => item.key === "overdueActions")).toEqual({ key: "overdueActions", count: 3, lastWeek: 1 });
    const markdown = renderDigestMarkdown(compared, "manager");
    expect(markdown).toContain("3 corrective actions overdue (up from 1 last week)");
    expect(markdown).toContain("2 AI systems awaiting review (down from 4 last week)");
    expect(markdown).toContain("1 incident awaiting triage (as last week)");
    expect(markdown).not.toContain("No digest was sent last week");
    await database.prisma.digestRecord.deleteMany();
  });

  it("lists the audits and reviews planned in the next 30 days", () => {
    expect(digest.upcomingReviews.count).toBe(2);
    expect(digest.upcomingReviews.items.map((review) => [review.reference, review.scheduledOn, review.leadName])).toEqual([
      ["REV-0004", "2026-11-25", null],
      ["REV-0001", "2026-12-10", "Gina Governance"],
    ]);
  });

  it("counts this week's unanswered policy questions and those passed to governance", () => {
    expect(digest.policyQuestions).toEqual({ unansweredThisWeek: 3, routedToGovernance: 1, answeredByGovernance: 0 });
  });

  it("counts incidents per week for 12 weeks in the readers' time zone", () => {
    expect(digest.incidentsPerWeek).toHaveLength(12);
    expect(digest.incidentsPerWeek[0]!.weekStart).toBe("2026-09-07");
    const nonZero = digest.incidentsPerWeek.filter((week) => week.count > 0);
    expect(nonZero).toEqual([
      { weekStart: "2026-09-28", count: 1 },
      { weekStart: "2026-11-09", count: 2 },
      { weekStart: "2026-11-16", count: 2 },
      { weekStart: "2026-11-23", count: 3 },
    ]);
  });

  it("never names a confidential incident's description, reporter or system, in the data or any copy", () => {
    for (const reader of ["governance", "manager", "channel"] as const) {
      const markdown = renderDigestMarkdown(digest, reader);
      for (const secret of incidentSecrets) expect(markdown).not.toContain(secret);
      expect(markdown).toContain("3 reported and 2 closed this week. 2 of them are confidential");
      expect(markdown).toMatch(/\| SEV1 \(critical\) \| 1 \| 1 \|/);
    }
    for (const secret of incidentSecrets) expect(JSON.stringify(digest)).not.toContain(secret);
    // The system itself is in the inventory everyone may read: named as overdue for review, never beside its incident.
    expect(renderDigestMarkdown(digest, "channel")).not.toContain("Secret Salary Predictor");
    expect(renderDigestMarkdown(digest, "manager")).toContain("| AIS-0001 | Secret Salary Predictor |  | review due 24 November 2026 | 1 |");
  });

  it("reads as a headline of everything that needs attention, then short tables", () => {
    const markdown = renderDigestMarkdown(digest);
    expect(markdown).toContain("_Week from Mon, 23 November 2026 to Wed, 25 November 2026, 21:00 (Asia/Tokyo); the governance team's copy_");
    expect(markdown).toContain(
      "**Needs attention:** 1 incident awaiting triage · 3 corrective actions overdue · 1 incident open for over 30 days · 1 AI system overdue for review · " +
        "2 AI systems due for re-attestation · 2 AI systems awaiting review · 2 possible unregistered AI tools without an owner · 3 policy questions the policy did not answer. " +
        "(No digest was sent last week to compare with.)",
    );
    expect(markdown).toContain("| Wed, 25 November 2026 | REV-0004 Management review | No lead yet | Scope of REV-0004 |");
    expect(markdown).toContain("AI inventory \\| risk tiers");
    expect(markdown).toContain("| Biased or discriminatory output | 1 | 0 |");
    expect(markdown).toContain("| High | 2 |");
  });

  it("issues the same number of queries however many records there are", async () => {
    const { factory, log } = countingQueries(database.adapterFactory);
    const counted = new PrismaClient({ adapter: factory });
    try {
      await buildWeeklyDigest(counted, { now, timeZone });
      const before = log.count;
      await counted.incident.createMany({
        data: Array.from({ length: 200 }, (_, i) => ({ reference: `INC-9${String(i).padStart(3, "0")}`, description: "bulk", type: "drift" as const, severity: "sev4" as const, createdVia: "cli" as const, reportedAt: new Date(now.getTime() - i * 3_600_000) })),
      });
      log.reset();
      const larger = await buildWeeklyDigest(counted, { now, timeZone });
      expect(larger.incidents.open.total).toBe(205);
      expect(log.count).toBe(before);
      // 16 for the figures, and 3 for the measured objectives: the objectives, their owners, their two latest results.
      expect(before).toBeLessThanOrEqual(19);
    } finally {
      await counted.$disconnect();
    }
  });
});

function zeroTypes() {
  return { bias: 0, inaccurate_output: 0, privacy: 0, safety: 0, security: 0, drift: 0, transparency: 0, misuse: 0, other: 0 };
}
