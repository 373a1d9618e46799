// "suppliers": the supplier register (oversight); "add supplier": starts the conversation (governance).
import type { PrismaClient } from "../generated/prisma/client.js";
import { isGovernance } from "../domain/accessPolicy.js";
import { useCaseMessages, useCaseRefusal as refusal, viewerOf, type TextUseCases, type UseCaseOutcome } from "../conversations/useCaseOutcome.js";
import type { Turn } from "../conversations/messages.js";
import { listSuppliers } from "./supplierRegister.js";
import { registerSupplierFlowId } from "./flows/registerSupplierFlow.js";
import { displayDate, displayDateOr } from "../domain/dateDisplay.js";

export const isSupplierRequest = (text: string) => /^(suppliers|supplier register|(add|new|register) (a )?supplier)$/i.test(text.trim());

export class SupplierUseCases implements TextUseCases {
  constructor(private readonly prisma: PrismaClient) {}

  async handleText(text: string, turn: Turn): Promise<UseCaseOutcome | null> {
    const typed = text.trim().replace(/[.!]+$/, "").toLowerCase();
    if (!isSupplierRequest(typed)) return null;
    const viewer = viewerOf(turn);
    const oversight = isGovernance(viewer) || viewer.roles.includes("auditor");
    if (/^(add|new|register)/.test(typed)) {
      return isGovernance(viewer) ? { start: { flowId: registerSupplierFlowId, prefill: {} } } : refusal("Only the governance team keeps the supplier register.");
    }
    if (!oversight) return refusal("The supplier register is for the governance team and auditors.");
    const suppliers = await listSuppliers(this.prisma);
    return useCaseMessages({
      kind: "record_list",
      title: "Supplier register",
      items: suppliers.map((supplier) => ({
        reference: supplier.reference,
        text: [
          supplier.name,
          `supplies ${supplier.systems.map((system) => `${system.reference} ${system.name}`).join(", ")}`,
          supplier.dueDiligenceDone ? `due diligence ${displayDateOr(supplier.dueDiligenceOn, "done")}` : "no due diligence yet",
          supplier.contractReference ? `contract ${supplier.contractReference}` : "no contract reference",
          `owner ${supplier.owner.displayName}`,
          `review ${displayDate(supplier.reviewDate)}`,
        ].join(" · "),
      })),
      note: suppliers.length === 0 ? 'No suppliers yet. Type "add supplier" to add one.' : "Responsibilities are in the export (npx aims export suppliers).",
    });
  }
}
