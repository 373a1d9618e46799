// The risk treatment register for exports and the evidence pack (6.1.3, 8.3): every treatment action
// with its risk, control, owner, due date and status, and whether the risk's residual was signed off.
import type { PrismaClient } from "../generated/prisma/client.js";

export async function treatmentActionTable(prisma: PrismaClient): Promise<{ columns: string[]; rows: Record<string, unknown>[] }> {
  const actions = await prisma.treatmentAction.findMany({
    orderBy: { reference: "asc" },
    include: { owner: { select: { displayName: true } }, risk: { include: { system: { select: { reference: true } }, residualSignedOffBy: { select: { displayName: true } } } } },
  });
  return {
    columns: ["reference", "risk", "system", "treatment", "control", "description", "ownerName", "dueDate", "status", "completedAt", "residualLevel", "residualSignedOffBy", "residualSignedOffAt", "createdAt", "createdVia"],
    rows: actions.map((action) => ({
      reference: action.reference,
      risk: action.risk.reference,
      system: action.risk.system.reference,
      treatment: action.risk.treatment,
      control: action.control,
      description: action.description,
      ownerName: action.owner.displayName,
      dueDate: action.dueDate,
      status: action.status,
      completedAt: action.completedAt,
      residualLevel: action.risk.residualLevel,
      residualSignedOffBy: action.risk.residualSignedOffBy?.displayName ?? null,
      residualSignedOffAt: action.risk.residualSignedOffAt,
      createdAt: action.createdAt,
      createdVia: action.createdVia,
    })),
  };
}
