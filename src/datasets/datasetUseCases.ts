// The dataset register in chat: "datasets [AIS-0001]", "add dataset", "dataset DS-0001" (the entry with
// its history), "edit DS-0001", "DS-0001 reviewed" (or the reminder's Mark reviewed) and "quality DS-0001 <results>".
import type { PrismaClient } from "../generated/prisma/client.js";
import { can } from "../domain/accessPolicy.js";
import { ActionRefused } from "../domain/actionRefused.js";
import { actorOfTurn, useCaseMessages, useCaseRefusal, viewerOf, type RecordActions, type TextUseCases, type UseCaseOutcome } from "../conversations/useCaseOutcome.js";
import type { Turn } from "../conversations/messages.js";
import { historyOf } from "../store/changeHistory.js";
import { answersOfDataset, findDataset, lawfulBasisLabels, listDatasets, markDatasetReviewed, recordQualityResults } from "./datasetRegister.js";
import { addDatasetFlowId } from "./flows/addDatasetFlow.js";
import { displayDate } from "../domain/dateDisplay.js";

const padded = (prefix: string, digits: string) => `${prefix}-${digits.padStart(4, "0")}`;
const viewRefusal = "The dataset register is for system owners, managers, auditors and the governance team.";

/** The words these use cases answer, as the command registry matches them (lower case, trimmed). */
export const datasetRequest = /^(?:datasets(?: ais[-\s]?\d{1,6})?|dataset register|(?:add|new|register) (?:a )?dataset|(?:dataset )?ds[-\s]?\d{1,6}(?: reviewed| quality .+)?|quality ds[-\s]?\d{1,6} .+|(?:edit|update) (?:dataset )?ds[-\s]?\d{1,6})$/;

/** A changed column as people say it: "reviewOn" → "next review date", "qualityResults" → "quality results". */
const fieldWords: Record<string, string> = { reviewOn: "next review date", lastReviewedOn: "last review date", ownerId: "owner" };
const changedFieldWords = (field: string) => fieldWords[field] ?? field.replace(/([A-Z])/g, " $1").toLowerCase();

export class DatasetUseCases implements TextUseCases, RecordActions {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => Date,
  ) {}

  handles(reference: string): boolean {
    return /^DS-\d+$/.test(reference);
  }

  async handleText(text: string, turn: Turn): Promise<UseCaseOutcome | null> {
    const typed = text.trim().replace(/^\//, "").replace(/[.!?]+$/, "").replace(/\s+/g, " ");
    const lower = typed.toLowerCase();
    if (!datasetRequest.test(lower)) return null;
    if (/^(add|new|register)/.test(lower)) return can(viewerOf(turn), "create", "dataset") ? { start: { flowId: addDatasetFlowId, prefill: {} } } : useCaseRefusal("Only system owners and the governance team keep the dataset register.");
    const list = /^datasets(?: ais[-\s]?(\d{1,6}))?$|^dataset register$/.exec(lower);
    if (list) return this.list(turn, list[1] ? padded("AIS", list[1]) : undefined);
    const quality = /^(?:quality ds[-\s]?(\d{1,6}) |(?:dataset )?ds[-\s]?(\d{1,6}) quality )(.+)$/i.exec(typed);
    if (quality) return this.quality(padded("DS", (quality[1] ?? quality[2])!), quality[3]!.trim(), turn);
    const edit = /^(?:edit|update) (?:dataset )?ds[-\s]?(\d{1,6})$/.exec(lower);
    if (edit) return this.edit(padded("DS", edit[1]!), turn);
    const one = /^(?:dataset )?ds[-\s]?(\d{1,6})( reviewed)?$/.exec(lower)!;
    return this.act(padded("DS", one[1]!), one[2] ? "reviewed" : "view", turn);
  }

  async act(reference: string, action: string, turn: Turn): Promise<UseCaseOutcome> {
    try {
      if (action === "view") return await this.show(reference, turn);
      if (action !== "reviewed") return useCaseRefusal(`I can't "${action}" ${reference}.`);
      const dataset = await markDatasetReviewed(this.prisma, reference, viewerOf(turn), actorOfTurn(turn), this.clock());
      return useCaseMessages({ kind: "text", text: `The review of ${reference} ${dataset.name} is recorded today. The next one is due on ${displayDate(dataset.reviewOn)}.` });
    } catch (error) {
      if (error instanceof ActionRefused) return useCaseRefusal(error.message);
      throw error;
    }
  }

  private async edit(reference: string, turn: Turn): Promise<UseCaseOutcome> {
    const dataset = await findDataset(this.prisma, reference);
    if (!dataset) return useCaseRefusal(`There is no dataset ${reference}.`);
    if (!can(viewerOf(turn), "edit", "dataset", { ownerId: dataset.ownerId })) return useCaseRefusal(`Only the owner of ${reference} or the governance team can change it.`);
    return { start: { flowId: addDatasetFlowId, prefill: answersOfDataset(dataset) } };
  }

  private async quality(reference: string, results: string, turn: Turn): Promise<UseCaseOutcome> {
    if (results.length > 2000) return useCaseRefusal("That is longer than 2,000 characters; please shorten the quality results.");
    try {
      await recordQualityResults(this.prisma, reference, results, viewerOf(turn), actorOfTurn(turn));
      return useCaseMessages({ kind: "text", text: `Quality results of ${reference} recorded: ${results} (the earlier results stay in its history).` });
    } catch (error) {
      if (error instanceof ActionRefused) return useCaseRefusal(error.message);
      throw error;
    }
  }

  private async list(turn: Turn, systemReference?: string): Promise<UseCaseOutcome> {
    if (!can(viewerOf(turn), "view", "dataset")) return useCaseRefusal(viewRefusal);
    const datasets = await listDatasets(this.prisma, systemReference);
    const today = this.clock();
    return useCaseMessages({
      kind: "record_list",
      title: systemReference ? `Datasets used by ${systemReference}` : "Dataset register",
      items: datasets.map((dataset) => ({
        reference: dataset.reference,
        text: [
          dataset.name,
          `used by ${dataset.systems.map((system) => `${system.reference} ${system.name}`).join(", ")}`,
          lawfulBasisLabels[dataset.lawfulBasis].toLowerCase(),
          dataset.qualityResults ? "quality checked" : "quality not checked yet",
          `owner ${dataset.owner.displayName}`,
          `review ${displayDate(dataset.reviewOn)}${dataset.reviewOn < today ? " (overdue)" : ""}`,
        ].join(" · "),
      })),
      note: datasets.length === 0 ? 'No datasets recorded yet. Type "add dataset" to add one.' : 'Type "dataset DS-0001" for an entry with its history.',
    });
  }

  private async show(reference: string, turn: Turn): Promise<UseCaseOutcome> {
    const viewer = viewerOf(turn);
    if (!can(viewer, "view", "dataset")) return useCaseRefusal(viewRefusal);
    const dataset = await findDataset(this.prisma, reference);
    if (!dataset) return useCaseRefusal(`There is no dataset ${reference}.`);
    const history = await historyOf(this.prisma, "Dataset", dataset.id);
    const lines = [
      `Used by: ${dataset.systems.map((system) => `${system.reference} ${system.name}`).join(", ")}`,
      `Source: ${dataset.source}`,
      `Lawful basis: ${lawfulBasisLabels[dataset.lawfulBasis]}`,
      `Provenance: ${dataset.provenance}`,
      `Quality criteria: ${dataset.qualityCriteria}`,
      `Quality results: ${dataset.qualityResults ?? `not checked yet ("quality ${reference} <results>" records them)`}`,
      `Preparation: ${dataset.preparation}`,
      `Retention: ${dataset.retention}`,
      `Owner: ${dataset.owner.displayName}`,
      `Next review: ${displayDate(dataset.reviewOn)}${dataset.lastReviewedOn ? ` (last reviewed ${displayDate(dataset.lastReviewedOn)})` : ""}`,
      "History:",
      ...history.map((entry) => `• ${displayDate(entry.at)} ${entry.actorLabel}: ${entry.action === "create" ? "added it" : `changed ${Object.keys(entry.changes as object).map(changedFieldWords).join(", ")}`}`),
    ];
    const actions = can(viewer, "edit", "dataset", { ownerId: dataset.ownerId }) ? [{ label: "Mark reviewed", input: { kind: "record_action" as const, reference, action: "reviewed" } }] : [];
    return useCaseMessages({ kind: "notice", subject: `${reference} ${dataset.name}`, text: lines.join("\n"), actions });
  }
}
