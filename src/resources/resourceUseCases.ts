// Resources in chat: "resources [AIS-0001]" lists them (with the datasets a system uses, its data
// resources), "add resource [AIS-0001]" records one.
import type { PrismaClient } from "../generated/prisma/client.js";
import { can, couldCreate, refusalText } from "../domain/accessPolicy.js";
import { useCaseMessages, useCaseRefusal, viewerOf, type TextUseCases, type UseCaseOutcome } from "../conversations/useCaseOutcome.js";
import type { Turn } from "../conversations/messages.js";
import { listDatasets } from "../datasets/datasetRegister.js";
import { listAiResources, resourceKindLabels } from "./resourceRegister.js";
import { addResourceFlowId } from "./flows/addResourceFlow.js";

const padded = (digits: string) => `AIS-${digits.padStart(4, "0")}`;

export const resourceRequest = /^(?:(?:ai )?resources(?: (?:of |for )?ais[-\s]?\d{1,6})?|(?:add|record|new) (?:a )?resource(?: (?:to |for )?ais[-\s]?\d{1,6})?)$/;

export class ResourceUseCases implements TextUseCases {
  constructor(private readonly prisma: PrismaClient) {}

  async handleText(text: string, turn: Turn): Promise<UseCaseOutcome | null> {
    const typed = text.trim().toLowerCase().replace(/^\//, "").replace(/[.!?]+$/, "").replace(/\s+/g, " ");
    if (!resourceRequest.test(typed)) return null;
    const system = /ais[-\s]?(\d{1,6})$/.exec(typed);
    const reference = system ? padded(system[1]!) : undefined;
    if (/^(add|record|new)/.test(typed)) return this.add(reference, turn);
    return this.list(reference, turn);
  }

  private async add(reference: string | undefined, turn: Turn): Promise<UseCaseOutcome> {
    const viewer = viewerOf(turn);
    if (!reference) return couldCreate(viewer, "ai_resource") ? { start: { flowId: addResourceFlowId, prefill: {} } } : useCaseRefusal(refusalText("create", "ai_resource"));
    const system = await this.prisma.aiSystem.findUnique({ where: { reference } });
    if (!system) return useCaseRefusal(`${reference} is not in the AI system inventory.`);
    if (!can(viewer, "create", "ai_resource", { ownerId: system.ownerId })) return useCaseRefusal(`${refusalText("create", "ai_resource")} Ask the owner of ${reference}.`);
    return { start: { flowId: addResourceFlowId, prefill: { system: { systemId: system.id, reference, name: system.name } } } };
  }

  private async list(reference: string | undefined, turn: Turn): Promise<UseCaseOutcome> {
    if (!can(viewerOf(turn), "view", "ai_resource")) return useCaseRefusal(`${refusalText("view", "ai_resource").replace("this AI system", "AI systems")}`);
    if (reference && !(await this.prisma.aiSystem.findUnique({ where: { reference } }))) return useCaseRefusal(`${reference} is not in the AI system inventory.`);
    const [resources, datasets] = await Promise.all([listAiResources(this.prisma, reference), reference ? listDatasets(this.prisma, reference) : Promise.resolve([])]);
    return useCaseMessages({
      kind: "record_list",
      title: reference ? `Resources of ${reference}` : "Resources of the AI systems",
      items: [
        ...resources.map((resource) => ({
          reference: resource.reference,
          text: [`${resource.system.reference} ${resource.system.name}`, `${resourceKindLabels[resource.kind]}: ${resource.name}`, resource.details, resource.provider ? `provided by ${resource.provider}` : null].filter(Boolean).join(" · "),
        })),
        ...datasets.map((dataset) => ({ reference: dataset.reference, text: `Data: ${dataset.name} (dataset register)` })),
      ],
      note: resources.length + datasets.length === 0 ? `No resources recorded yet. Type "add resource${reference ? ` ${reference}` : ""}" to record one.` : "Data resources are in the dataset register (\"datasets\").",
    });
  }
}
