// Gives an AI system the life-cycle records its tier still needs, through the same functions the chat
// uses (so with change history), for tests about something else that approve medium or high tier systems.
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import type { LifecycleRecordKind } from "../../src/generated/prisma/enums.js";
import { acceptVerification, addLifecycleRecord, lifecycleGapsOf, type LifecycleContent } from "../../src/lifecycle/lifecycleRecords.js";

interface GovernanceMember {
  personId: string;
  label: string;
}

const sample: Record<LifecycleRecordKind, LifecycleContent> = {
  requirements: { summary: "What it must do and within which limits" },
  design_decision: { summary: "Design decision", rationale: "Why" },
  verification: { summary: "Hold-out test", metric: "Accuracy", thresholdComparison: "at_least", thresholdValue: 0.9, resultValue: 0.93 },
  deployment_plan: { summary: "Pilot, then all traffic; rollback ready" },
  monitoring_plan: { summary: "Review when accuracy drops", watches: ["performance", "drift"], frequency: "monthly" },
  technical_documentation: { summary: "Architecture and model card", link: "https://docs.example/technical" },
  event_logging: { summary: "Every output with its inputs", logLocation: "Log store", retention: "2 years" },
};

/** `recorder` writes what is missing; `accepter`, another governance member, accepts test results when the tier asks for it. */
export async function completeLifecycleRecords(prisma: PrismaClient, reference: string, recorder: GovernanceMember, accepter: GovernanceMember): Promise<void> {
  const system = await prisma.aiSystem.findUniqueOrThrow({ where: { reference } });
  const as = (member: GovernanceMember) => ({ viewer: { personId: member.personId, roles: ["governance" as const] }, actor: { ...member, channel: "cli" as const } });
  for (const gap of await lifecycleGapsOf(prisma, system)) {
    const unaccepted = await prisma.lifecycleRecord.findMany({ where: { systemId: system.id, kind: gap.kind, supersededAt: null, passed: true, acceptedAt: null } });
    if (gap.kind === "verification" && unaccepted.length > 0) {
      for (const record of unaccepted) await acceptVerification(prisma, record.reference, as(accepter).viewer, as(accepter).actor, new Date());
      continue;
    }
    const record = await addLifecycleRecord(prisma, { systemReference: reference, kind: gap.kind, content: sample[gap.kind] }, as(recorder).viewer, as(recorder).actor);
    if (gap.kind === "verification" && (system.riskTier ?? "high") === "high") await acceptVerification(prisma, record.reference, as(accepter).viewer, as(accepter).actor, new Date());
  }
}
