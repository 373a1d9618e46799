// "Report an AI tool I've seen in use" (shadow AI, ISO/IEC 42001 4.3 and A.4.2): a short version
// for someone who is not the owner. Saved as a draft with the reporter; an owner completes it.
import { z } from "zod";
import { dataCategoryLabels } from "../../domain/labels.js";
import { newSystemNotice } from "../../domain/governanceNotices.js";
import { DataCategory } from "../../generated/prisma/enums.js";
import { AiSystemStore } from "../../store/aiSystems.js";
import { enqueueNotice, governanceAudience } from "../../store/notifications.js";
import type { Answers, CompletionContext, FlowDefinition } from "../../conversations/flowDefinition.js";
import { flowIds } from "../../conversations/intents.js";
import { choicesFrom, requiredText } from "../../conversations/flows/choices.js";
import { actorOf } from "../../conversations/flows/actor.js";

export function reportShadowAiFlow(): FlowDefinition {
  return {
    id: flowIds.reportShadowAi,
    title: "Report an AI tool I've seen in use",
    noun: "report of an AI tool in use",
    description: "Tell us about AI in use that may not be in the inventory (shadow AI). Five quick questions.",
    steps: [
      { id: "name", label: "Tool", prompt: "Which AI tool have you seen in use?", help: "Its name or website, e.g. \"ChatGPT on personal accounts\" or \"an AI meeting note-taker\".", input: "text", schema: requiredText("tool's name", 120) },
      { id: "purpose", label: "Used for", prompt: "What do people use it for?", help: "What you saw it being used for; no names needed.", input: "text", schema: requiredText("use", 2000) },
      { id: "businessUnit", label: "Where", prompt: "Which team or department uses it? (\"skip\" if you don't know)", help: "Helps governance find the right owner.", input: "text", schema: requiredText("team", 120), optional: true },
      { id: "vendor", label: "Vendor", prompt: "Do you know who makes it? (\"skip\" if not)", help: "The vendor or website, e.g. OpenAI, Otter.ai.", input: "text", schema: requiredText("vendor", 200), optional: true },
      { id: "dataCategories", label: "Data put into it", prompt: "What data goes into it, as far as you know? Pick all that apply (\"skip\" if you don't know).", help: "E.g. customer emails would be personal data; internal plans would be confidential business data.", input: "multi_choice", choices: choicesFrom(dataCategoryLabels), schema: z.array(z.enum(DataCategory)), optional: true },
    ],
    complete: saveDraft,
  };
}

async function saveDraft(answers: Answers, context: CompletionContext) {
  const system = await new AiSystemStore(context.tx).register(
    {
      name: answers.name as string,
      purpose: answers.purpose as string,
      businessUnit: (answers.businessUnit as string | null) ?? null,
      vendor: (answers.vendor as string | null) ?? null,
      dataCategories: (answers.dataCategories as DataCategory[] | null) ?? [],
      reportedById: context.speaker.personId,
      status: "draft",
      createdVia: context.channel,
    },
    actorOf(context),
  );
  await enqueueNotice(context.tx, governanceAudience, newSystemNotice({ ...system, ownerName: null }));
  return {
    reference: system.reference,
    title: `Thanks: recorded as ${system.reference} (draft)`,
    lines: [
      "The governance team has been told and will find its owner, who completes the inventory entry.",
      "Reporting AI in use is always welcome: it is how we keep the inventory complete.",
    ],
  };
}
