// A mention in a channel or group chat: what needs an answer continues in private (a channel never
// sees a report's details or a person's question); greetings and unclear text get the menu there.
// A report or a registration starts as a new conversation, so it is never taken as the answer to
// a question of a draft the person left open in private.
import { flowIds } from "../flowIds.js";
import type { TurnInput } from "../messages.js";
import type { ChatCommand } from "../commands/chatCommand.js";
import { understandFirstMessage } from "./firstMessage.js";

export function fromSharedChannel(text: string, commands: readonly ChatCommand[]): { privately: TurnInput } | { menu: true } {
  const understood = understandFirstMessage(text, commands);
  switch (understood.route) {
    case "capabilities":
    case "clarify":
      return { menu: true };
    case "report_incident":
      return { privately: { kind: "start", flowId: flowIds.reportIncident, ...(understood.description ? { prefill: { description: understood.description } } : {}) } };
    case "register_system":
      return { privately: { kind: "start", flowId: flowIds.registerSystem } };
    case "report_shadow_ai":
      return { privately: { kind: "start", flowId: flowIds.reportShadowAi } };
    case "ask_policy":
    case "command":
      return { privately: { kind: "desk_command", text: understood.route === "ask_policy" ? `ask ${understood.question}` : text } };
  }
}
