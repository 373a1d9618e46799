// "suppliers": the supplier register (oversight); "add supplier": starts the conversation (governance);
// "SUP-0001 reviewed" (or Mark reviewed on the reminder): the owner or governance records a review.
import type { PrismaClient } from "../generated/prisma/client.js";
import { isGovernance } from "../domain/accessPolicy.js";
import { ActionRefused } from "../domain/actionRefused.js";
import { actorOfTurn, useCaseMessages, useCaseRefusal as refusal, viewerOf, type RecordActions, type TextUseCases, type UseCaseOutcome } from "../conversations/useCaseOutcome.js";
import type { Turn } from "../conversations/messages.js";
import { listSuppliers, markSupplierReviewed } from "./supplierRegister.js";
import { registerSupplierFlowId } from "./flows/registerSupplierFlow.js";
import { displayDate, displayDateOr } from "../domain/dateDisplay.js";

export const isSupplierRequest = (text: string) => /^(suppliers|supplier register|(add|new|register) (a )?supplier|(supplier )?sup[-\s]?\d{1,6} reviewed)$/i.test(text.trim());

export class SupplierUseCases implements TextUseCases, RecordActions {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => Date,
  ) {}

  handles(reference: string): boolean {
    return /^SUP-\d+$/.test(reference);
  }

  async act(reference: string, action: string, turn: Turn): Promise<UseCaseOutcome> {
    if (action !== "reviewed") return refusal(`I can't "${action}" ${reference}.`);
    try {
      const supplier = await markSupplierReviewed(this.prisma, reference, viewerOf(turn), actorOfTurn(turn), this.clock());
      return useCaseMessages({ kind: "text", text: `The review of ${reference} ${supplier.name} is recorded today. The next one is due on ${displayDate(supplier.reviewDate)}.` });
    } catch (error) {
      if (error instanceof ActionRefused) return refusal(error.message);
      throw error;
    }
  }

  async handleText(text: string, turn: Turn): Promise<UseCaseOutcome | null> {
    const typed = text.trim().replace(/[.!]+$/, "").toLowerCase();
    if (!isSupplierRequest(typed)) return null;
    const reviewed = /sup[-\s]?(\d{1,6}) reviewed$/.exec(typed);
    if (reviewed) return this.act(`SUP-${reviewed[1]!.padStart(4, "0")}`, "reviewed", turn);
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
          `review ${displayDate(supplier.reviewDate)}${supplier.lastReviewedOn ? ` (last reviewed ${displayDate(supplier.lastReviewedOn)})` : ""}`,
        ].join(" · "),
      })),
      note: suppliers.length === 0 ? 'No suppliers yet. Type "add supplier" to add one.' : "Responsibilities are in the export (npx aims export suppliers).",
    });
  }
}
