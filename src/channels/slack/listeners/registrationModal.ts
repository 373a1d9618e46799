// Registration as one modal form instead of a conversation. Slack's trigger_id expires after
// 3 seconds, so a placeholder opens at once and the full form replaces it. A submitted form is
// checked with the conversation's own rules, then its review summary arrives in the DM to confirm.
import type { App, ViewSubmitAction } from "@slack/bolt";
import type { KnownBlock, InputBlock } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import { flowIds } from "../../../conversations/intents.js";
import type { StepDefinition } from "../../../conversations/flowDefinition.js";
import type { RawAnswer } from "../../../conversations/stepInput.js";
import { callbackIds } from "../actionIds.js";
import type { SlackContext } from "../slackContext.js";

const fieldAction = "value";
const multiline = new Set(["purpose", "intendedUse"]);

export async function openRegistrationModal(client: WebClient, slack: SlackContext, triggerId: string): Promise<void> {
  const placeholder = await client.views.open({
    trigger_id: triggerId,
    view: { type: "modal", callback_id: callbackIds.registrationModal, title: plain("Register an AI system"), blocks: [{ type: "section", text: { type: "mrkdwn", text: "Loading the form…" } }] },
  });
  const flow = slack.engine.flow(flowIds.registerSystem)!;
  await client.views.update({
    view_id: placeholder.view!.id!,
    view: {
      type: "modal",
      callback_id: callbackIds.registrationModal,
      title: plain("Register an AI system"),
      submit: plain("Review"),
      close: plain("Cancel"),
      blocks: flow.steps.map(inputBlock),
    },
  });
}

export function registerRegistrationModal(app: App, slack: SlackContext): void {
  app.view<ViewSubmitAction>(callbackIds.registrationModal, async ({ ack, body, view, client }) => {
    const values = view.state.values;
    const speaker = await slack.conversations.speaker(client, body.user.id);
    const raw: Record<string, RawAnswer | undefined> = {};
    for (const [stepId, fields] of Object.entries(values)) {
      const field = fields[fieldAction];
      if (!field) continue;
      if (field.type === "users_select" && field.selected_user) {
        const person = await slack.conversations.speaker(client, field.selected_user);
        raw[stepId] = { value: `person:${person.personId}` };
      } else if (field.selected_options) raw[stepId] = { value: field.selected_options.map((option) => option.value) };
      else if (field.selected_option) raw[stepId] = { value: field.selected_option.value };
      else if (typeof field.value === "string") raw[stepId] = { text: field.value };
      // A person left empty is the one filling in the form, as its placeholder says.
      else if (field.type === "users_select") raw[stepId] = { text: "me" };
    }
    const { answers, errors } = await slack.engine.validateForm(flowIds.registerSystem, raw, speaker);
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: "errors", errors });
      return;
    }
    await ack();
    await slack.conversations.turn(client, { teamId: body.team?.id ?? "", userId: body.user.id }, { kind: "start", flowId: flowIds.registerSystem, prefill: answers });
  });
}

function inputBlock(step: StepDefinition): KnownBlock {
  const prompt = typeof step.prompt === "string" ? step.prompt : step.label;
  const block: InputBlock = {
    type: "input",
    block_id: step.id,
    label: plain(step.label),
    hint: plain(step.when ? `${prompt} (only for AI not built in-house)` : prompt),
    // A person field may be left empty: it then means the one filling in the form.
    optional: step.optional === true || step.when !== undefined || step.input === "person",
    element: elementFor(step),
  };
  return block;
}

function elementFor(step: StepDefinition): InputBlock["element"] {
  const options = (step.choices ?? []).map((choice) => ({ text: plain(choice.label), value: choice.value }));
  switch (step.input) {
    case "single_choice":
      return { type: "static_select", action_id: fieldAction, options };
    case "multi_choice":
      return { type: "checkboxes", action_id: fieldAction, options: options.slice(0, 10) };
    case "yes_no":
      return { type: "radio_buttons", action_id: fieldAction, options };
    case "person":
      return { type: "users_select", action_id: fieldAction, placeholder: plain("You, unless you pick someone") };
    default:
      return { type: "plain_text_input", action_id: fieldAction, multiline: multiline.has(step.id) };
  }
}

function plain(text: string) {
  return { type: "plain_text" as const, text: text.length > 150 ? `${text.slice(0, 149)}…` : text };
}
