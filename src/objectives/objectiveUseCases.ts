// "objectives" lists the AI objectives (6.2) with how each stands; "objective OBJ-0001" shows one with
// its history; "add objective" (governance) and "update objective OBJ-0001" (governance or its owner)
// start the conversation that records them.
import type { PrismaClient } from "../generated/prisma/client.js";
import { can, refusalText } from "../domain/accessPolicy.js";
import { channelLabels } from "../domain/labels.js";
import { historyOf } from "../store/changeHistory.js";
import { actorOfTurn, useCaseMessages, useCaseRefusal, viewerOf, type RecordActions, type TextUseCases, type UseCaseOutcome } from "../conversations/useCaseOutcome.js";
import type { Turn } from "../conversations/messages.js";
import { ObjectiveStore, objectiveEntity } from "../store/objectives.js";
import { isOverdueObjective, objectiveStatusLabels } from "../domain/objectiveStatus.js";
import { objectiveFlowId, objectiveUpdatePrefill } from "./flows/objectiveFlow.js";
import { measurementFlowId } from "./flows/measurementFlow.js";
import { recordMeasurement } from "./measurementRecording.js";
import { measureLines, resultItems } from "./measurementWording.js";
import { MeasurementStore } from "../store/objectiveMeasurements.js";
import { parseFigure, type Figure } from "../domain/measurement.js";
import { displayDate } from "../domain/dateDisplay.js";

const reference = String.raw`obj[-\s]?(\d{1,6})`;
export const objectiveCommandWords = {
  list: /^((ai |my )?objectives|objectives? list)$/,
  add: /^((add|new|record|set) (an? )?(ai )?objective|objectives? (add|new))$/,
  update: new RegExp(String.raw`^((update|edit) (ai )?objective ${reference}|objective ${reference} (update|edit))$`),
  show: new RegExp(String.raw`^(ai )?objective ${reference}$`),
  /** "measure OBJ-0001 87%" records a result at once; "measure OBJ-0001" asks for it. */
  measure: new RegExp(String.raw`^(?:measure|measurement|record (?:a )?(?:result|measurement) (?:for|of))\s+${reference}(?:\s+(.+))?$`),
};

const formatReference = (digits: string) => `OBJ-${digits.padStart(4, "0")}`;
const fieldLabels: Record<string, string> = { objective: "objective", target: "target", measure: "measure", ownerId: "owner", dueOn: "due date", status: "status", progressNote: "progress note", metric: "what is measured", frequency: "frequency", targetValue: "target figure", targetUnit: "target unit", targetAtMost: "target direction" };

export class ObjectiveUseCases implements TextUseCases, RecordActions {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => Date,
  ) {}

  handles(reference: string): boolean {
    return /^OBJ-\d+$/.test(reference);
  }

  /** The reminder's "Record the result" button. */
  async act(reference: string, action: string, turn: Turn): Promise<UseCaseOutcome> {
    if (action !== "measure") return useCaseRefusal(`I can't do "${action}" on ${reference}.`);
    return this.measure(reference, undefined, turn);
  }

  async handleText(text: string, turn: Turn): Promise<UseCaseOutcome | null> {
    const typed = text.trim().toLowerCase().replace(/^\//, "").replace(/^aims\s+/, "").replace(/[.!?]+$/, "").replace(/\s+/g, " ");
    const measure = objectiveCommandWords.measure.exec(typed);
    if (measure) return this.measure(formatReference(measure[1]!), text.trim().replace(/[.!?]+$/, "").match(/obj[-\s]?\d{1,6}\s+(.+)$/i)?.[1], turn);
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
    const [history, results] = await Promise.all([historyOf(this.prisma, objectiveEntity, objective.id), new MeasurementStore(this.prisma).of(objective.id, 6)]);
    const mayUpdate = can(viewerOf(turn), "edit", "objective", { ownerId: objective.ownerId });
    return useCaseMessages(
      {
        kind: "text",
        text: [
          `${objective.reference}: ${objective.objective}`,
          `Target: ${objective.target}`,
          ...measureLines(objective, results[0]?.measuredOn ?? null),
          `Owner: ${objective.owner.displayName} · due ${displayDate(objective.dueOn)} · ${objectiveStatusLabels[objective.status]}${isOverdueObjective(objective, this.clock()) ? " (overdue)" : ""}`,
          ...(objective.progressNote ? [`Progress: ${objective.progressNote}`] : []),
        ].join("\n"),
      },
      {
        kind: "record_list",
        title: `Results of ${objective.reference}`,
        items: resultItems(results),
        note: results.length === 0 ? `No results recorded yet.${mayUpdate ? ` Type "measure ${objective.reference} 87%" to record one.` : ""}` : mayUpdate ? `"measure ${objective.reference} <value>" records the next one.` : "Latest first.",
      },
      {
        kind: "record_list",
        title: `History of ${objective.reference}`,
        items: history.reverse().map((entry) => ({
          reference: displayDate(entry.at),
          text: `${entry.action === "create" ? "recorded" : describeChange(entry.changes as Record<string, { to: unknown }>)} by ${entry.actorLabel} via ${channelLabels[entry.channel]}`,
        })),
        ...(mayUpdate ? { note: `Type "update objective ${objective.reference}" to record progress.` } : {}),
      },
    );
  }

  /** With a value, records it at once; without, starts the measurement flow. */
  private async measure(reference: string, typedValue: string | undefined, turn: Turn): Promise<UseCaseOutcome> {
    if (typedValue === undefined) {
      const objective = await new ObjectiveStore(this.prisma).byReference(reference);
      if (!objective) return useCaseRefusal(`There is no objective ${reference}. Type "objectives" to see them.`);
      if (!can(viewerOf(turn), "edit", "objective", { ownerId: objective.ownerId })) return useCaseRefusal(`Only the governance team or ${reference}'s owner (${objective.owner.displayName}) can record its results.`);
      return { start: { flowId: measurementFlowId, prefill: { objective: reference } } };
    }
    const { figure, note } = figureAndNote(typedValue);
    if (!figure) return useCaseRefusal(`Please give the result as a figure, e.g. "measure ${reference} 87%" (a note may follow: "measure ${reference} 87% from the Q4 inventory count").`);
    const recorded = await recordMeasurement(this.prisma, { reference, figure, measuredOn: this.clock(), note, speaker: viewerOf(turn), actor: actorOfTurn(turn) });
    if ("refused" in recorded) return useCaseRefusal(recorded.refused);
    return useCaseMessages({ kind: "done", flowId: measurementFlowId, reference: recorded.reference, title: recorded.title, lines: recorded.lines });
  }

  private async update(reference: string, turn: Turn): Promise<UseCaseOutcome> {
    const objective = await new ObjectiveStore(this.prisma).byReference(reference);
    if (!objective) return useCaseRefusal(`There is no objective ${reference}. Type "objectives" to see them.`);
    if (!can(viewerOf(turn), "edit", "objective", { ownerId: objective.ownerId })) return useCaseRefusal(refusalText("edit", "objective"));
    return { start: { flowId: objectiveFlowId, prefill: objectiveUpdatePrefill(objective) } };
  }
}

/** "87% from the Q4 count": the figure first, anything after it a note. */
function figureAndNote(typed: string): { figure: Figure | null; note: string | null } {
  const match = /^([-+]?\d+(?:[.,]\d+)?\s*(?:%|percent|per cent)?)(?:\s+(?:days?|hours?|points?)\b)?\s*[-:,–—]?\s*(.*)$/i.exec(typed.trim());
  if (!match) return { figure: null, note: null };
  const unitWord = /^[-+]?\d+(?:[.,]\d+)?\s*(?:%|percent|per cent)?\s+(days?|hours?|points?)\b/i.exec(typed.trim())?.[1];
  const figure = parseFigure(unitWord ? `${match[1]!.trim()} ${unitWord}` : match[1]!.trim());
  return { figure, note: match[2]!.trim() || null };
}

/** "status → At risk; progress note changed": what an auditor reads in the history. */
function describeChange(changes: Record<string, { to: unknown }>): string {
  return Object.entries(changes)
    .filter(([field]) => field in fieldLabels)
    .map(([field, change]) => (field === "status" ? `status → ${objectiveStatusLabels[change.to as keyof typeof objectiveStatusLabels] ?? String(change.to)}` : `${fieldLabels[field]} changed`))
    .join("; ");
}
