// Risk treatment in chat: "treat RSK-0001" (plan an action), "treatment RSK-0001" (the plan, its
// actions and the residual sign-off), "treatment actions" (open actions), "TRA-0001 done" (or the
// button), and "sign off RSK-0001" (the residual risk, once the actions are done).
import type { PrismaClient } from "../generated/prisma/client.js";
import { can } from "../domain/accessPolicy.js";
import { ActionRefused } from "../domain/actionRefused.js";
import { riskLevelLabels } from "../domain/riskMatrix.js";
import { riskTreatmentLabels } from "../domain/riskRegister.js";
import { actionStatusLabels } from "../domain/labels.js";
import { useCaseMessages, useCaseRefusal, viewerOf, actorOfTurn, type RecordActions, type TextUseCases, type UseCaseOutcome } from "../conversations/useCaseOutcome.js";
import type { Turn } from "../conversations/messages.js";
import { completeTreatmentAction, riskForTreatment, signOffResidualRisk } from "./treatmentActions.js";
import { planTreatmentFlowId } from "./flows/planTreatmentFlow.js";
import { displayDate } from "../domain/dateDisplay.js";

const padded = (prefix: string, digits: string) => `${prefix}-${digits.padStart(4, "0")}`;

export class TreatmentUseCases implements TextUseCases, RecordActions {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => Date,
  ) {}

  handles(reference: string): boolean {
    return /^TRA-\d+$/.test(reference);
  }

  async handleText(text: string, turn: Turn): Promise<UseCaseOutcome | null> {
    const typed = text.trim().toLowerCase().replace(/^\//, "").replace(/[.!?]+$/, "").replace(/\s+/g, " ");
    if (/^(treatment actions|my treatment actions)$/.test(typed)) return this.openActions(turn);
    const onRisk = /^(treat|treatment|sign off|signoff) rsk[-\s]?(\d{1,6})$/.exec(typed);
    const done = /^tra[-\s]?(\d{1,6}) done$/.exec(typed);
    try {
      if (done) return await this.act(padded("TRA", done[1]!), "done", turn);
      if (!onRisk) return null;
      const reference = padded("RSK", onRisk[2]!);
      if (onRisk[1] === "treat") {
        await riskForTreatment(this.prisma, reference, viewerOf(turn));
        return { start: { flowId: planTreatmentFlowId, prefill: { risk: reference } } };
      }
      if (onRisk[1] === "treatment") return await this.plan(reference, turn);
      const signed = await signOffResidualRisk(this.prisma, reference, viewerOf(turn), actorOfTurn(turn), this.clock());
      return useCaseMessages({ kind: "text", text: `The residual risk of ${reference} (${riskLevelLabels[signed.residualLevel].toLowerCase()}, score ${signed.residualScore}) is signed off by you today.` });
    } catch (error) {
      if (error instanceof ActionRefused) return useCaseRefusal(error.message);
      throw error;
    }
  }

  async act(reference: string, action: string, turn: Turn): Promise<UseCaseOutcome> {
    if (action !== "done") return useCaseRefusal(`I can't "${action}" ${reference}.`);
    try {
      const { action: done, openLeft } = await completeTreatmentAction(this.prisma, reference, viewerOf(turn), actorOfTurn(turn), this.clock());
      const risk = await this.prisma.risk.findUniqueOrThrow({ where: { id: done.riskId } });
      const next = openLeft === 0 ? ` Every action of ${risk.reference} is done: its residual risk can be signed off ("sign off ${risk.reference}").` : ` ${openLeft} more open on ${risk.reference}.`;
      return useCaseMessages({ kind: "text", text: `${reference} is done. Thank you!${next}` });
    } catch (error) {
      if (error instanceof ActionRefused) return useCaseRefusal(error.message);
      throw error;
    }
  }

  private async plan(reference: string, turn: Turn): Promise<UseCaseOutcome> {
    const risk = await this.prisma.risk.findUnique({
      where: { reference },
      include: { system: { select: { reference: true, name: true, ownerId: true } }, residualSignedOffBy: { select: { displayName: true } }, treatmentActions: { orderBy: { reference: "asc" }, include: { owner: { select: { displayName: true } } } } },
    });
    if (!risk) return useCaseRefusal(`There is no risk ${reference}.`);
    if (!can(viewerOf(turn), "view", "risk", { ownerId: risk.system.ownerId })) return useCaseRefusal("Only the governance team, auditors, the system's owner or managers can see its risk treatment.");
    const lines = [
      `${risk.system.reference} ${risk.system.name}: ${risk.description}`,
      `Treatment: ${riskTreatmentLabels[risk.treatment]}. Residual: ${riskLevelLabels[risk.residualLevel].toLowerCase()} (${risk.residualScore}).`,
      "Actions:",
      ...(risk.treatmentActions.length === 0 ? [`• none yet ("treat ${reference}" plans one)`] : risk.treatmentActions.map((action) => `• ${action.reference} ${action.control}: ${action.description} · ${action.owner.displayName} · due ${displayDate(action.dueDate)} · ${actionStatusLabels[action.status].toLowerCase()}${action.completedAt ? ` ${displayDate(action.completedAt)}` : ""}`)),
      risk.residualSignedOffAt ? `Residual risk signed off by ${risk.residualSignedOffBy?.displayName ?? "unknown"} on ${displayDate(risk.residualSignedOffAt)}.` : `Residual risk not signed off yet ("sign off ${reference}" once the actions are done).`,
    ];
    const open = risk.treatmentActions.filter((action) => action.status === "open");
    const actions = open.filter((action) => can(viewerOf(turn), "edit", "corrective_action", { ownerId: action.ownerId })).map((action) => ({ label: `Mark ${action.reference} done`, input: { kind: "record_action" as const, reference: action.reference, action: "done" } }));
    return useCaseMessages({ kind: "notice", subject: `Treatment of ${reference}`, text: lines.join("\n"), actions });
  }

  private async openActions(turn: Turn): Promise<UseCaseOutcome> {
    const viewer = viewerOf(turn);
    const all = can(viewer, "export", "risk");
    const actions = await this.prisma.treatmentAction.findMany({
      where: { status: "open", ...(all ? {} : { ownerId: viewer.personId }) },
      orderBy: [{ dueDate: "asc" }, { reference: "asc" }],
      include: { owner: { select: { displayName: true } }, risk: { select: { reference: true } } },
    });
    const today = this.clock();
    return useCaseMessages({
      kind: "record_list",
      title: all ? "Open risk treatment actions" : "Your open risk treatment actions",
      items: actions.map((action) => ({ reference: action.reference, text: `${action.risk.reference} · ${action.control}: ${action.description} · ${action.owner.displayName} · due ${displayDate(action.dueDate)}${action.dueDate < today ? " (overdue)" : ""}` })),
      note: actions.length === 0 ? "No open treatment action." : 'Type "TRA-0001 done" when one is done.',
    });
  }
}
