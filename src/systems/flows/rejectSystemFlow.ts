// Rejecting a new AI system takes a reason: the owner is told it, and it stays on the record.
import { z } from "zod";
import { SystemApprovals } from "../../store/systemApprovals.js";
import type { FlowDefinition } from "../../conversations/flowDefinition.js";
import { actorOf } from "../../conversations/flows/actor.js";
import { requiredText } from "../../conversations/flows/choices.js";

export const rejectSystemFlowId = "reject_ai_system";

export function rejectSystemFlow(): FlowDefinition {
  return {
    id: rejectSystemFlowId,
    title: "Reject an AI system",
    noun: "rejection of an AI system",
    description: "Reject an AI system pending review, with the reason.",
    listed: false,
    steps: [
      { id: "system", label: "AI system", prompt: "Which AI system? (e.g. AIS-0007)", help: "Filled in when started from the system.", input: "text", schema: z.string().trim().toUpperCase().regex(/^AIS-\d{4,}$/, "Please give a reference such as AIS-0007.") },
      { id: "reason", label: "Reason", prompt: "Why is it rejected?", help: "The owner is told this reason, so write it for them: what is wrong and what would change the decision.", input: "text", schema: requiredText("reason", 2000) },
    ],
    complete: async (answers, context) => {
      const reference = answers.system as string;
      const system = await new SystemApprovals(context.tx).decide(reference, "reject", {
        viewer: { personId: context.speaker.personId, roles: context.speaker.roles },
        actor: actorOf(context),
        now: context.now,
        reason: answers.reason as string,
      });
      return { reference, title: `${reference} ${system.name} is rejected`, lines: ["Its owner has been told, with your reason."] };
    },
  };
}
