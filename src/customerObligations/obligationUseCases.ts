// Obligations to customers in chat: "customer obligations [AIS-0001]", "add obligation [AIS-0001]"
// (governance), "COB-0001" and "COB-0001 reviewed" (or the reminder's Mark reviewed).
import type { PrismaClient } from "../generated/prisma/client.js";
import { can, isGovernance, refusalText } from "../domain/accessPolicy.js";
import { ActionRefused } from "../domain/actionRefused.js";
import { actorOfTurn, useCaseMessages, useCaseRefusal, viewerOf, type RecordActions, type TextUseCases, type UseCaseOutcome } from "../conversations/useCaseOutcome.js";
import type { Turn } from "../conversations/messages.js";
import { listCustomerObligations, markObligationReviewed } from "./obligationRegister.js";
import { addObligationFlowId } from "./flows/addObligationFlow.js";
import { displayDate } from "../domain/dateDisplay.js";

const padded = (prefix: string, digits: string) => `${prefix}-${digits.padStart(4, "0")}`;

export const obligationRequest = /^(?:(?:customer )?obligations(?: (?:for )?ais[-\s]?\d{1,6})?|(?:add|record|new) (?:a )?(?:customer )?obligation(?: (?:for )?ais[-\s]?\d{1,6})?|(?:obligation )?cob[-\s]?\d{1,6}(?: reviewed)?)$/;

export class CustomerObligationUseCases implements TextUseCases, RecordActions {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => Date,
  ) {}

  handles(reference: string): boolean {
    return /^COB-\d+$/.test(reference);
  }

  async handleText(text: string, turn: Turn): Promise<UseCaseOutcome | null> {
    const typed = text.trim().toLowerCase().replace(/^\//, "").replace(/[.!?]+$/, "").replace(/\s+/g, " ");
    if (!obligationRequest.test(typed)) return null;
    const one = /cob[-\s]?(\d{1,6})( reviewed)?$/.exec(typed);
    if (one) return this.act(padded("COB", one[1]!), one[2] ? "reviewed" : "view", turn);
    const system = /ais[-\s]?(\d{1,6})$/.exec(typed);
    const reference = system ? padded("AIS", system[1]!) : undefined;
    if (/^(add|record|new)/.test(typed)) return this.add(reference, turn);
    return this.list(reference, turn);
  }

  async act(reference: string, action: string, turn: Turn): Promise<UseCaseOutcome> {
    try {
      if (action === "view") return await this.list(undefined, turn, reference);
      if (action !== "reviewed") return useCaseRefusal(`I can't "${action}" ${reference}.`);
      const obligation = await markObligationReviewed(this.prisma, reference, viewerOf(turn), actorOfTurn(turn), this.clock());
      return useCaseMessages({ kind: "text", text: `The review of ${reference} (${obligation.customer}) is recorded today. The next one is due on ${displayDate(obligation.reviewOn)}.` });
    } catch (error) {
      if (error instanceof ActionRefused) return useCaseRefusal(error.message);
      throw error;
    }
  }

  private async add(reference: string | undefined, turn: Turn): Promise<UseCaseOutcome> {
    if (!isGovernance(viewerOf(turn))) return useCaseRefusal("Only the governance team records obligations to customers.");
    if (!reference) return { start: { flowId: addObligationFlowId, prefill: {} } };
    const system = await this.prisma.aiSystem.findUnique({ where: { reference } });
    if (!system) return useCaseRefusal(`${reference} is not in the AI system inventory.`);
    return { start: { flowId: addObligationFlowId, prefill: { system: { systemId: system.id, reference, name: system.name } } } };
  }

  private async list(systemReference: string | undefined, turn: Turn, only?: string): Promise<UseCaseOutcome> {
    if (!can(viewerOf(turn), "view", "customer_obligation")) return useCaseRefusal(refusalText("view", "customer_obligation"));
    const obligations = (await listCustomerObligations(this.prisma, systemReference)).filter((obligation) => !only || obligation.reference === only);
    if (only && obligations.length === 0) return useCaseRefusal(`There is no customer obligation ${only}.`);
    const today = this.clock();
    return useCaseMessages({
      kind: "record_list",
      title: only ? `Customer obligation ${only}` : systemReference ? `Obligations to customers on ${systemReference}` : "Obligations to customers",
      items: obligations.map((obligation) => ({
        reference: obligation.reference,
        text: [
          `to ${obligation.customer}`,
          `${obligation.system.reference} ${obligation.system.name}`,
          `we promise: ${obligation.promise}`,
          obligation.contractReference ? `written in ${obligation.contractReference}` : "not written in a contract yet",
          `owner ${obligation.owner.displayName}`,
          `review ${displayDate(obligation.reviewOn)}${obligation.reviewOn < today ? " (overdue)" : ""}${obligation.lastReviewedOn ? `, last reviewed ${displayDate(obligation.lastReviewedOn)}` : ""}`,
        ].join(" · "),
      })),
      note: obligations.length === 0 ? 'No obligations to customers recorded yet. Governance: type "add obligation" to record one.' : 'Its owner types "COB-0001 reviewed" after checking it is still met.',
    });
  }
}
