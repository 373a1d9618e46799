// The Statement of Applicability in chat: "soa" shows coverage and every Annex A control grouped by
// objective; "soa A.6.2.4" shows one control and, for those who may change it, opens its decision.
import type { PrismaClient } from "../generated/prisma/client.js";
import { can, refusalText } from "../domain/accessPolicy.js";
import { describeDecision, implementationLabels } from "../domain/controlApplicability.js";
import { catalog, objectiveTitle } from "../iso42001/catalog.js";
import { describeCoverage, soaCoverage, StatementOfApplicabilityStore, type SoaEntry } from "../store/statementOfApplicability.js";
import { useCaseMessages, useCaseRefusal, type TextUseCases, type UseCaseOutcome } from "../conversations/useCaseOutcome.js";
import { editSoaControlFlowId, soaControlPrefill } from "./flows/editSoaControlFlow.js";
import type { OutgoingMessage, Turn } from "../conversations/messages.js";

const overviewCommand = /^(soa|statement of applicability)$/;
const controlCommand = /^(?:soa|statement of applicability)\s+(.+)$/;
const idShapes = "Annex A identifiers look like A.2.2, A.6.2.4 or A.10.3; type \"soa\" to see all 38.";

export class SoaUseCases implements TextUseCases {
  constructor(private readonly prisma: PrismaClient) {}

  async handleText(text: string, turn: Turn): Promise<UseCaseOutcome | null> {
    const typed = text.trim().replace(/^\//, "").replace(/^aims\s+/i, "").replace(/[!?]+$/, "").trim();
    const lower = typed.toLowerCase();
    if (overviewCommand.test(lower)) return this.overview(turn);
    const control = controlCommand.exec(typed);
    return control ? this.control(control[1]!.trim(), turn) : null;
  }

  private async overview(turn: Turn): Promise<UseCaseOutcome> {
    if (!can(turn.speaker, "view", "soa_control")) return useCaseRefusal(refusalText("view", "soa_control"));
    const entries = await new StatementOfApplicabilityStore(this.prisma).entries();
    const howTo = can(turn.speaker, "edit", "soa_control")
      ? 'Type "soa A.6.2.4" to see one control and record or change its decision.'
      : 'Type "soa A.6.2.4" to see one control.';
    const lists = catalog.objectives.map((objective): OutgoingMessage => ({
      kind: "record_list",
      title: `${objective.id} ${objective.title}`,
      items: entries.filter((entry) => entry.control.objective === objective.id).map((entry) => ({ reference: entry.control.id, text: `${entry.control.title} · ${entryStatus(entry)}` })),
    }));
    return useCaseMessages({ kind: "text", text: `Statement of Applicability: ${describeCoverage(soaCoverage(entries))} ${howTo}` }, ...lists);
  }

  private async control(typedId: string, turn: Turn): Promise<UseCaseOutcome> {
    const store = new StatementOfApplicabilityStore(this.prisma);
    const entry = await store.entry(typedId);
    if (!entry) return useCaseRefusal(`I don't know the control "${typedId}". ${idShapes}`);
    if (can(turn.speaker, "edit", "soa_control")) return { start: { flowId: editSoaControlFlowId, prefill: soaControlPrefill(entry.control.id, entry.decision) } };
    if (!can(turn.speaker, "view", "soa_control")) return useCaseRefusal(refusalText("view", "soa_control"));
    return useCaseMessages({ kind: "text", text: controlDetails(entry) }, { kind: "text", text: refusalText("edit", "soa_control") });
  }
}

function entryStatus(entry: SoaEntry): string {
  return describeDecision(entry.decision, entry.decision?.owner?.displayName);
}

function controlDetails({ control, decision }: SoaEntry): string {
  const lines = [`${control.id} ${control.title} (${control.objective} ${objectiveTitle(control.objective)})`];
  if (!decision) return [...lines, "Not yet decided."].join("\n");
  lines.push(`Applicable: ${decision.applicable ? "yes" : "no, excluded"}`);
  if (decision.justification) lines.push(`Justification: ${decision.justification}`);
  if (decision.applicable) lines.push(`Implementation: ${implementationLabels[decision.implementation]}`);
  lines.push(`Owner: ${decision.owner?.displayName ?? "nobody yet"}`);
  lines.push(`Evidence: ${decision.evidenceLinks.length > 0 ? decision.evidenceLinks.join(", ") : "none yet"}`);
  return lines.join("\n");
}
