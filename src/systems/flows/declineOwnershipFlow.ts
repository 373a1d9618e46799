// Declining to own a system takes a reason: the person it goes back to and the governance team
// read it when they look for the right owner, and it stays on the system's change history.
import { z } from "zod";
import type { FlowDefinition } from "../../conversations/flowDefinition.js";
import { actorOf } from "../../conversations/flows/actor.js";
import { requiredText } from "../../conversations/flows/choices.js";
import { declineOwnership } from "../systemOwnership.js";

export const declineOwnershipFlowId = "decline_system_ownership";

export function declineOwnershipFlow(): FlowDefinition {
  return {
    id: declineOwnershipFlowId,
    title: "Decline ownership of an AI system",
    noun: "ownership decline",
    description: "Decline being named owner of an AI system, with the reason.",
    listed: false,
    steps: [
      { id: "system", label: "AI system", prompt: "Which AI system? (e.g. AIS-0007)", help: "Filled in when started from the notice.", input: "text", schema: z.string().trim().toUpperCase().regex(/^AIS-\d{4,}$/, "Please give a reference such as AIS-0007.") },
      {
        id: "reason",
        label: "Reason",
        prompt: "Why is it not yours to own?",
        help: "The person who registered it and the governance team read this, so say who might own it instead if you know: e.g. \"I left the project; Tom Becker runs it now\".",
        input: "text",
        schema: requiredText("reason", 1000),
      },
    ],
    complete: async (answers, context) => {
      const reference = answers.system as string;
      const { returnedTo } = await declineOwnership(context.tx, reference, answers.reason as string, {
        viewer: { personId: context.speaker.personId, roles: context.speaker.roles },
        actor: actorOf(context),
        now: context.now,
      });
      return { reference, title: `You no longer own ${reference}`, lines: [`${returnedTo}, who registered it, owns it again; they and the governance team have been told, with your reason.`] };
    },
  };
}
