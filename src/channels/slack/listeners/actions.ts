// Buttons, selects, checkboxes and date pickers in our messages and App Home. Each becomes a turn
// in the user's DM; a click inside a DM message updates that message in place (in its thread, for
// an AI assistant thread).
import type { AllMiddlewareArgs, App, BlockAction, BlockElementAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { TurnInput, Command } from "../../../conversations/messages.js";
import { actionIds, decodeValue, listensTo, stepOfBlock, type ChoiceValue, type CommandValue, type IncidentActionValue } from "../actionIds.js";
import type { SlackContext } from "../slackContext.js";
import { parseNoticeInput } from "../../../conversations/noticeInput.js";
import { openRegistrationModal } from "./registrationModal.js";

export function registerActions(app: App, slack: SlackContext): void {
  const answer = (toInput: (action: BlockElementAction, body: BlockAction) => TurnInput | null) =>
    async ({ ack, body, action, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
      await ack();
      const input = toInput(action, body);
      if (!input) return;
      const inDirectMessage = body.container?.type === "message" && body.channel?.id?.startsWith("D");
      const threadTs = inDirectMessage ? threadOf(body) : undefined;
      await slack.conversations.turn(client, { teamId: body.team?.id ?? body.user.team_id ?? "", userId: body.user.id }, input, {
        ...(inDirectMessage ? { dmChannel: body.channel!.id, updateTs: body.container.message_ts as string } : {}),
        ...(threadTs ? { threadTs } : {}),
      });
    };

  app.action<BlockAction>(listensTo(actionIds.choice), answer((action) => choiceInput(action.type === "button" ? action.value : undefined)));
  app.action<BlockAction>(listensTo(actionIds.select), answer((action) => choiceInput(action.type === "static_select" ? action.selected_option?.value : undefined)));
  app.action<BlockAction>(listensTo(actionIds.checksSubmit), answer((action, body) => {
    const stepId = action.type === "button" ? action.value : undefined;
    if (!stepId) return null;
    const state = body.state?.values ?? {};
    const picked = Object.entries(state)
      .filter(([blockId]) => stepOfBlock(blockId) === stepId)
      .flatMap(([, fields]) => Object.values(fields).flatMap((field) => (field.selected_options ?? []).map((option) => option.value)));
    return { kind: "choice", stepId, value: picked };
  }));
  app.action<BlockAction>(listensTo(actionIds.date), answer((action) =>
    action.type === "datepicker" && action.selected_date ? { kind: "choice", stepId: stepOfBlock(action.block_id), value: action.selected_date } : null,
  ));
  app.action<BlockAction>(listensTo(actionIds.command), answer((action) => {
    const value = decodeValue<CommandValue>(action.type === "button" ? action.value : undefined);
    return value ? { kind: "command", command: value.command as Command, ...(value.stepId ? { stepId: value.stepId } : {}) } : null;
  }));
  app.action<BlockAction>(listensTo(actionIds.editAnswer), answer((action) => {
    const value = decodeValue<CommandValue>(action.type === "static_select" ? action.selected_option?.value : undefined);
    return value?.stepId ? { kind: "command", command: "edit", stepId: value.stepId } : null;
  }));
  app.action<BlockAction>(listensTo(actionIds.policyFeedback), answer((action) => {
    const value = decodeValue<{ questionId: string; verdict: "helpful" | "not_helpful" | "route" }>(action.type === "button" ? action.value : undefined);
    return value ? { kind: "policy_feedback", questionId: value.questionId, verdict: value.verdict } : null;
  }));
  app.action<BlockAction>(listensTo(actionIds.incidentAction), answer((action) => {
    const value = decodeValue<IncidentActionValue>(action.type === "button" ? action.value : undefined);
    return value?.reference && value.action ? { kind: "incident_action", reference: value.reference, action: value.action } : null;
  }));
  app.action<BlockAction>(listensTo(actionIds.noticeAction), answer((action) => parseNoticeInput(decodeValue<unknown>(action.type === "button" ? action.value : undefined))));
  app.action<BlockAction>(listensTo(actionIds.start), answer((action) => (action.type === "button" && action.value ? { kind: "start", flowId: action.value } : null)));
  // Ticking a checkbox is only collected when "Continue" is pressed.
  app.action(listensTo(actionIds.checks), async ({ ack }) => ack());
  app.action(listensTo(actionIds.startForm), async ({ ack, body, client }) => {
    await ack();
    await openRegistrationModal(client, slack, (body as BlockAction).trigger_id);
  });
}

/** The thread a clicked reply sits in (an AI assistant thread): its conversation continues there. */
function threadOf(body: BlockAction): string | undefined {
  const messageTs = body.container.message_ts as string | undefined;
  const threadTs = (body.message?.thread_ts ?? body.container.thread_ts) as string | undefined;
  return threadTs && threadTs !== messageTs ? threadTs : undefined;
}

function choiceInput(raw: string | undefined): TurnInput | null {
  const value = decodeValue<ChoiceValue>(raw);
  return value ? { kind: "choice", stepId: value.stepId, value: value.value } : null;
}
