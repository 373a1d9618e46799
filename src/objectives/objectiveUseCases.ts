// "objectives" lists the AI objectives (6.2) with how each stands; "objective OBJ-0001" shows one with
// its history; "add objective" (governance) and "update objective OBJ-0001" (governance or its owner)
// start the conversation that records them.
import type { PrismaClient } from "../generated/prisma/client.js";
import { can, refusalText } from "../domain/accessPolicy.js";
import { channelLabels } from "../domain/labels.js";
import { historyOf } from "../store/changeHistory.js";
import { useCaseMessages, useCaseRefusal, viewerOf, type TextUseCases, type UseCaseOutcome } from "../conversations/useCaseOutcome.js";
import type { Turn } from "../conversations/messages.js";
import { ObjectiveStore, objectiveEntity } from "../store/objectives.js";
import { isOverdueObjective, objectiveStatusLabels } from "../domain/objectiveStatus.js";
import { objectiveFlowId, objectiveUpdatePrefill } from "./flows/objectiveFlow.js";
import { displayDate } from "../domain/dateDisplay.js";

const reference = String.raw`obj[-\s]?(\d{1,6})`;
export const objectiveCommandWords = {
  list: /^((ai |my )?objectives|objectives? list)$/,
  add: /^((add|new|record|set) (an? )?(ai )?objective|objectives? (add|new))$/,
  update: new RegExp(String.raw`^((update|edit) (ai )?objective ${reference}|objective ${reference} (update|edit))$`),
  show: new RegExp(String.raw`^(ai )?objective ${reference}$`),
};

const formatReference = (digits: string) => `OBJ-${digits.padStart(4, "0")}`;
const day = (date: Date) => date.toISOString().slice(0, 10);
const fieldLabels: Record<string, string> = { objective: "objective", target: "target", measure: "measure", ownerId: "owner", dueOn: "due date", status: "status", progressNote: "progress note" };

export class ObjectiveUseCases implements TextUseCases {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => Date,
  ) {}

  async handleText(text: string, turn: Turn): Promise<UseCaseOutcome | null> {
    const typed = text.trim().toLowerCase().replace(/^\//, "").replace(/^aims\s+/, "").replace(/[.!?]+$/, "").replace(/\s+/g, " ");
    if (objectiveCommandWords.list.test(typed)) return this.list(turn);
    if (objectiveCommandWords.add.test(typed)) return can(viewerOf(turn), "create", "objective") ? { start: { flowId: objectiveFlowId, prefill: {} } } : useCaseRefusal(refusalText("create", "objective"));
    const update = objectiveCommandWords.update.exec(typed);
    if (update) return this.update(formatReference(update[4] ?? update[5]!), turn);
    const show = objectiveCommandWords.show.exec(typed);
    if (show) return this.show(formatReference(show[2]!), turn);
    return null;
  }

  private async list(turn: Turn): Promise<UseCaseOutcome> {
    const objectives = await new ObjectiveStore(this.prisma).all();
    const now = this.clock();
    const mayAdd = can(viewerOf(turn), "create", "objective");
    return useCaseMessages({
      kind: "record_list",
      title: "AI objectives",
      items: objectives.map((objective) => ({
        reference: objective.reference,
        text: `${objective.objective} · target ${objective.target} · ${objective.owner.displayName} · due ${displayDate(objective.dueOn)} · ${objectiveStatusLabels[objective.status]}${isOverdueObjective(objective, now) ? " (overdue)" : ""}`,
      })),
      note:
        objectives.length === 0
          ? `No AI objectives are recorded yet (ISO/IEC 42001 6.2).${mayAdd ? ' Type "add objective" to record one.' : " The governance team records them."}`
          : `"objective OBJ-0001" shows one with its history${mayAdd ? '; "add objective" records another; "update objective OBJ-0001" records progress' : ""}.`,
    });
  }

  private async show(reference: string, turn: Turn): Promise<UseCaseOutcome> {
    const objective = await new ObjectiveStore(this.prisma).byReference(reference);
    if (!objective) return useCaseRefusal(`There is no objective ${reference}. Type "objectives" to see them.`);
    const history = await historyOf(this.prisma, objectiveEntity, objective.id);
    const mayUpdate = can(viewerOf(turn), "edit", "objective", { ownerId: objective.ownerId });
    return useCaseMessages(
      {
        kind: "text",
        text: [
          `${objective.reference}: ${objective.objective}`,
          `Target: ${objective.target}`,
          `How measured: ${objective.measure}`,
          `Owner: ${objective.owner.displayName} · due ${displayDate(objective.dueOn)} · ${objectiveStatusLabels[objective.status]}${isOverdueObjective(objective, this.clock()) ? " (overdue)" : ""}`,
          ...(objective.progressNote ? [`Progress: ${objective.progressNote}`] : []),
        ].join("\n"),
      },
      {
        kind: "record_list",
        title: `History of ${objective.reference}`,
        items: history.reverse().map((entry) => ({
          reference: day(entry.at),
          text: `${entry.action === "create" ? "recorded" : describeChange(entry.changes as Record<string, { to: unknown }>)} by ${entry.actorLabel} via ${channelLabels[entry.channel]}`,
        })),
        ...(mayUpdate ? { note: `Type "update objective ${objective.reference}" to record progress.` } : {}),
      },
    );
  }

  private async update(reference: string, turn: Turn): Promise<UseCaseOutcome> {
    const objective = await new ObjectiveStore(this.prisma).byReference(reference);
    if (!objective) return useCaseRefusal(`There is no objective ${reference}. Type "objectives" to see them.`);
    if (!can(viewerOf(turn), "edit", "objective", { ownerId: objective.ownerId })) return useCaseRefusal(refusalText("edit", "objective"));
    return { start: { flowId: objectiveFlowId, prefill: objectiveUpdatePrefill(objective) } };
  }
}

/** "status → At risk; progress note changed": what an auditor reads in the history. */
function describeChange(changes: Record<string, { to: unknown }>): string {
  return Object.entries(changes)
    .filter(([field]) => field in fieldLabels)
    .map(([field, change]) => (field === "status" ? `status → ${objectiveStatusLabels[change.to as keyof typeof objectiveStatusLabels] ?? String(change.to)}` : `${fieldLabels[field]} changed`))
    .join("; ");
}
