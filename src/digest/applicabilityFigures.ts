// Coverage of the Statement of Applicability in the digest: one grouped count, however many controls.
import type { PrismaClient } from "../generated/prisma/client.js";
import { annexAControls } from "../iso42001/catalog.js";
import type { StatementOfApplicabilityCoverage } from "./weeklyDigest.js";

export async function applicabilityFigures(prisma: PrismaClient): Promise<StatementOfApplicabilityCoverage> {
  const groups = await prisma.controlApplicability.groupBy({ by: ["applicable", "implementation"], _count: { _all: true } });
  const sum = (keep: (group: (typeof groups)[number]) => boolean) => groups.filter(keep).reduce((total, group) => total + group._count._all, 0);
  return {
    controls: annexAControls.length,
    decided: sum(() => true),
    excluded: sum((group) => !group.applicable),
    implemented: sum((group) => group.applicable && group.implementation === "implemented"),
  };
}
