import type { Actor } from "../../store/changeHistory.js";
import type { CompletionContext } from "../flowDefinition.js";

/** The change-history actor for the person finishing a conversation. */
export function actorOf(context: CompletionContext): Actor {
  return { personId: context.speaker.personId, label: context.speaker.displayName, channel: context.channel };
}
