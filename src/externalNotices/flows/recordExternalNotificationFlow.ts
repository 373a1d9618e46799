// The conversation that records an external notification: to whom, who they are, when, what they
// were told, who told them, and a link to what was sent. Started from "notified INC-0007".
import { z } from "zod";
import { ExternalRecipientKind } from "../../generated/prisma/enums.js";
import { parseIncidentReference } from "../../domain/incidentLifecycle.js";
import type { FlowDefinition } from "../../conversations/flowDefinition.js";
import type { PersonAnswer } from "../../conversations/stepInput.js";
import { actorOf } from "../../conversations/flows/actor.js";
import { choicesFrom, requiredText } from "../../conversations/flows/choices.js";
import { recordExternalNotification } from "../externalNotificationStore.js";
import { recipientKindHints, recipientKindLabels } from "../externalNoticeWording.js";
import { displayDate } from "../../domain/dateDisplay.js";

export const externalNotificationFlowId = "record_external_notification";

const incidentReference = z.string().transform((text, context) => {
  const reference = parseIncidentReference(text);
  if (!reference) context.addIssue({ code: "custom", message: "Please give an incident reference such as INC-0007." });
  return reference ?? "";
});

export function recordExternalNotificationFlow(): FlowDefinition {
  return {
    id: externalNotificationFlowId,
    title: "Record an external notification",
    noun: "external notification record",
    description: "Record who outside the organisation was told about an incident",
    listed: false,
    steps: [
      { id: "incident", label: "Incident", prompt: "Which incident? (e.g. INC-0007)", help: "The incident's reference, as in INC-0007.", input: "text", schema: incidentReference },
      { id: "recipientKind", label: "Told", prompt: "Who outside was told?", help: "Pick the closest kind; name them in the next question.", input: "single_choice", choices: choicesFrom(recipientKindLabels, recipientKindHints), schema: z.enum(ExternalRecipientKind) },
      { id: "recipient", label: "Recipient", prompt: "Who exactly? (e.g. \"Information Commissioner's Office\", \"Acme Ltd\", \"the 40 affected applicants\")", help: "The organisation or group, as an auditor would need to find the message.", input: "text", schema: requiredText("recipient", 300) },
      { id: "notifiedOn", label: "When", prompt: "When were they told? (a date, \"today\", \"yesterday\")", help: "The date the message was sent or the call was made.", input: "date", schema: z.string(), dates: { only: "past", message: "That date is in the future; record a notification once it has been sent." } },
      { id: "summary", label: "What they were told", prompt: "What were they told, in a few sentences?", help: "The gist of the message: what happened, what it means for them, what is being done.", input: "text", schema: requiredText("summary of what they were told", 4000) },
      { id: "notifiedBy", label: "Told by", prompt: "Who told them? (\"me\", a name or an email)", help: "The person who sent the message or made the call.", input: "person", schema: z.object({ personId: z.string(), displayName: z.string() }) },
      { id: "link", label: "Link", prompt: "A link to the message, letter or filing? (\"skip\" if none)", help: "E.g. the sent email in the document system, or the regulator's case page.", input: "text", schema: z.string().trim().url("Please give a full link starting with https://, or \"skip\"."), optional: true, defaultValue: () => null },
    ],
    async complete(answers, context) {
      const record = await recordExternalNotification(
        context.tx,
        {
          incidentReference: answers.incident as string,
          recipientKind: answers.recipientKind as ExternalRecipientKind,
          recipient: answers.recipient as string,
          notifiedOn: new Date(answers.notifiedOn as string),
          summary: answers.summary as string,
          notifiedById: (answers.notifiedBy as PersonAnswer).personId,
          link: (answers.link as string | null) ?? null,
        },
        actorOf(context),
        { personId: context.speaker.personId, roles: context.speaker.roles },
      );
      return {
        reference: record.reference,
        title: `${record.reference}: external notification recorded on ${answers.incident as string}`,
        lines: [`${recipientKindLabels[record.recipientKind]}: ${record.recipient}, told on ${displayDate(record.notifiedOn)}.`, `Type "incident ${answers.incident as string}" to see it with the incident's timeline.`],
      };
    },
  };
}
