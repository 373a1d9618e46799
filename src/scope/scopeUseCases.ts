// "scope" shows the scope of the AI management system with its history of changes; "edit scope"
// (governance) starts the conversation that records it, from the current version when there is one.
import type { PrismaClient } from "../generated/prisma/client.js";
import { can, refusalText } from "../domain/accessPolicy.js";
import { channelLabels } from "../domain/labels.js";
import { historyOf } from "../store/changeHistory.js";
import { useCaseMessages, useCaseRefusal, viewerOf, type TextUseCases, type UseCaseOutcome } from "../conversations/useCaseOutcome.js";
import type { Turn } from "../conversations/messages.js";
import { ScopeStore, scopeEntity } from "../store/scopeRecords.js";
import { scopeLines } from "../domain/scopeStatement.js";
import { scopeFlowId, scopePrefill } from "./flows/scopeFlow.js";
import { displayDate } from "../domain/dateDisplay.js";

export const scopeCommandWords = {
  show: /^(the )?(aims |ai management system )?scope( statement)?$/,
  edit: /^((record|edit|update|change|set) (the )?(aims )?scope( statement)?|scope (edit|update|record))$/,
};

const fieldLabels: Record<string, string> = { boundaries: "boundaries", systemsInScope: "AI systems in scope", rolesInScope: "roles in scope", exclusions: "exclusions" };

export class ScopeUseCases implements TextUseCases {
  constructor(private readonly prisma: PrismaClient) {}

  async handleText(text: string, turn: Turn): Promise<UseCaseOutcome | null> {
    const typed = text.trim().toLowerCase().replace(/^\//, "").replace(/^aims\s+/, "").replace(/[.!?]+$/, "");
    if (scopeCommandWords.edit.test(typed)) return this.edit(turn);
    if (scopeCommandWords.show.test(typed)) return this.show(turn);
    return null;
  }

  private async edit(turn: Turn): Promise<UseCaseOutcome> {
    if (!can(viewerOf(turn), "edit", "scope")) return useCaseRefusal(refusalText("edit", "scope"));
    const current = await new ScopeStore(this.prisma).current();
    return { start: { flowId: scopeFlowId, prefill: current ? scopePrefill(current) : {} } };
  }

  private async show(turn: Turn): Promise<UseCaseOutcome> {
    const scope = await new ScopeStore(this.prisma).current();
    const mayEdit = can(viewerOf(turn), "edit", "scope");
    if (!scope) {
      return useCaseMessages({
        kind: "text",
        text: `No scope of the AI management system is recorded yet (ISO/IEC 42001 4.3).${mayEdit ? ' Type "edit scope" to record it.' : " The governance team records it."}`,
      });
    }
    const history = await historyOf(this.prisma, scopeEntity, scope.id);
    return useCaseMessages(
      { kind: "text", text: [`Scope of the AI management system, ${scope.reference} version ${scope.version} (${displayDate(scope.updatedAt)})`, ...scopeLines(scope)].join("\n") },
      {
        kind: "record_list",
        title: "Changes to the scope",
        items: history
          .slice(-10)
          .reverse()
          .map((entry) => ({
            reference: displayDate(entry.at),
            text: `${entry.action === "create" ? "recorded" : `changed ${Object.keys(entry.changes as object).filter((field) => field in fieldLabels).map((field) => fieldLabels[field]).join(", ")}`} by ${entry.actorLabel} via ${channelLabels[entry.channel]}`,
          })),
        ...(mayEdit ? { note: 'Type "edit scope" to change it.' } : {}),
      },
    );
  }
}
