// The conversation that records one resource of an AI system: "add resource [AIS-0001]".
import { z } from "zod";
import type { FlowDefinition } from "../../conversations/flowDefinition.js";
import type { SystemAnswer } from "../../conversations/stepInput.js";
import { actorOf } from "../../conversations/flows/actor.js";
import { choicesFrom, requiredText } from "../../conversations/flows/choices.js";
import { couldCreate, refusalText } from "../../domain/accessPolicy.js";
import type { AiResourceKind } from "../../generated/prisma/enums.js";
import { addAiResource, resourceKindHelp, resourceKindLabels } from "../resourceRegister.js";

export const addResourceFlowId = "add_ai_resource";

export function addResourceFlow(): FlowDefinition {
  return {
    id: addResourceFlowId,
    title: "Record a resource of an AI system",
    noun: "resource",
    description: "Tooling, computing, or people and skills an AI system uses (A.4)",
    listed: false,
    refusesToStart: (speaker) => (couldCreate(speaker, "ai_resource") ? null : refusalText("create", "ai_resource")),
    steps: [
      {
        id: "system",
        label: "AI system",
        prompt: "Which AI system? Type its name or reference.",
        help: "Part of the name is enough, or its reference such as AIS-0003.",
        input: "ai_system",
        schema: z.object({ systemId: z.string({ error: "Resources are recorded for systems in the inventory: register it first." }), reference: z.string(), name: z.string() }),
      },
      { id: "kind", label: "Kind", prompt: "What kind of resource?", help: "Data is recorded in the dataset register (\"add dataset\").", input: "single_choice", choices: choicesFrom(resourceKindLabels, resourceKindHelp), schema: z.enum(Object.keys(resourceKindLabels) as [AiResourceKind, ...AiResourceKind[]]) },
      { id: "name", label: "Resource", prompt: "What is it called?", help: "E.g. \"Azure Machine Learning\", \"4 × A100 GPUs in West Europe\", \"Claims data science team\".", input: "text", schema: requiredText("resource", 200) },
      { id: "details", label: "Details", prompt: "What is it used for, and how is it set up?", help: "Version, size, location, or for people the competence needed and where it is recorded.", input: "text", schema: requiredText("details", 2000) },
      { id: "provider", label: "Provider", prompt: "Who provides it? (\"skip\" if it is our own)", help: "The vendor or the team that runs it.", input: "text", schema: requiredText("provider", 200), optional: true, defaultValue: () => null },
    ],
    async complete(answers, context) {
      const system = answers.system as SystemAnswer;
      const { resource } = await addAiResource(
        context.tx,
        { systemReference: system.reference!, kind: answers.kind as AiResourceKind, name: answers.name as string, details: answers.details as string, provider: (answers.provider as string | null) ?? null },
        { personId: context.speaker.personId, roles: context.speaker.roles },
        actorOf(context),
      );
      return { reference: resource.reference, title: `${resource.reference}: ${resourceKindLabels[resource.kind].toLowerCase()} "${resource.name}" recorded for ${system.reference} ${system.name}`, lines: [`Type "resources ${system.reference}" to see everything it uses.`] };
    },
  };
}
