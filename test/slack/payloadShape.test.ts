// Which signed Slack bodies are refused before Bolt reads them, and why.
import { describe, expect, it } from "vitest";
import { payloadProblem } from "../../src/channels/slack/payloadShape.js";

const event = (fields: Record<string, unknown>) => ({ type: "event_callback", event: { type: "message", ...fields } });

describe("payloadProblem", () => {
  it.each<[string, unknown, string | undefined]>([
    ["a DM event", event({ user: "U1", channel: "D1", text: "hi" }), undefined],
    ["a user_change event carrying the profile", event({ type: "user_change", user: { id: "U1", name: "tom" } }), undefined],
    ["a bot message without a user", event({ subtype: "bot_message", channel: "D1" }), undefined],
    ["URL verification", { type: "url_verification", challenge: "c" }, undefined],
    ["a slash command", { command: "/aims", user_id: "U1", text: "" }, undefined],
    ["a button click", { type: "block_actions", user: { id: "U1" }, actions: [], channel: { id: "D1" } }, undefined],
    ["a modal submission", { type: "view_submission", user: { id: "U1" }, view: { id: "V1" } }, undefined],
    ["null", null, "The payload is not a JSON object."],
    ["a list", [1, 2], "The payload is not a JSON object."],
    ["an event that is text", { type: "event_callback", event: "message" }, "The event is not an object."],
    ["an event whose user is null", event({ user: null }), "The event's user is not a user id."],
    ["an event whose user has no id", event({ user: {} }), "The event's user is not a user id."],
    ["an event whose channel is null", event({ user: "U1", channel: null }), "The event's channel is not a channel id."],
    ["a reaction whose item is null", event({ type: "reaction_added", user: "U1", item: null }), "The event's item is not an object."],
    ["a button click without a user", { type: "block_actions", actions: [] }, "The interaction has no user."],
    ["a shortcut whose user is null", { type: "shortcut", user: null }, "The interaction has no user."],
    ["a click whose channel is null", { type: "block_actions", user: { id: "U1" }, actions: [], channel: null }, "The interaction's channel is not an object."],
    ["a view_closed without its view", { type: "view_closed", user: { id: "U1" } }, "The view_closed has no view."],
    ["a view_submission whose view is text", { type: "view_submission", user: { id: "U1" }, view: "v" }, "The view_submission has no view."],
  ])("%s", (_what, body, problem) => {
    expect(payloadProblem(body)).toBe(problem);
  });
});
