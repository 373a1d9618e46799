// The requests of the chat benchmarks, as the platforms send them: signed Slack Events API DM
// events (each with its own event_id, so deduplication keeps them all) and Bot Framework message
// activities from a personal chat in emulator mode.
import { eventCallback, signSlackRequest } from "../../test/support/slackRequests.js";
import type { BuiltRequest } from "./httpLoad.js";
import type { ChatUser } from "./conversationSteps.js";

export const benchSigningSecret = "bench-signing-secret";

let eventCounter = 0;
let activityCounter = 0;

export const slackDmChannel = (index: number) => `DUB${index}`;
export const teamsPersonalChat = (index: number) => `a:personal-bench-${index}`;

export function slackDirectMessage(user: ChatUser, text: string): BuiltRequest {
  const userId = `UB${user.index}`;
  const event = { type: "message", channel_type: "im", channel: user.conversation, user: userId, text, ts: `${Math.floor(Date.now() / 1000)}.${String(++eventCounter).padStart(6, "0")}` };
  const { body, contentType } = eventCallback(event, { eventId: `EvBench${process.pid}x${eventCounter}` });
  return { path: "/slack/events", headers: { "content-type": contentType, ...signSlackRequest(benchSigningSecret, body) }, body, tag: user };
}

export function teamsPersonalMessage(user: ChatUser, text: string, serviceUrl: string): BuiltRequest {
  const activity = {
    type: "message",
    id: `incoming-${++activityCounter}`,
    channelId: "msteams",
    serviceUrl,
    timestamp: new Date().toISOString(),
    localTimezone: "Europe/London",
    from: { id: `29:bench-${user.index}`, name: `Bench ${user.index}`, aadObjectId: `aad-bench-${user.index}` },
    recipient: { id: "28:aims-bot", name: "AIMS Assistant" },
    conversation: { id: user.conversation, conversationType: "personal", tenantId: "tenant-bench" },
    channelData: { tenant: { id: "tenant-bench" } },
    text,
  };
  return { path: "/api/messages", headers: { "content-type": "application/json" }, body: JSON.stringify(activity), tag: user };
}
