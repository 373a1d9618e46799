// The listener table gives Bolt one listener per kind of request and picks the handler by id: each
// request must still reach exactly the handler registered for it, as Bolt's own listeners would.
import { App, LogLevel, type Receiver } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { ListenerTable, type ListenerKind } from "../../src/channels/slack/listeners/listenerTable.js";
import { listensTo } from "../../src/channels/slack/actionIds.js";

/** A real Bolt app that receives nothing by itself: the test hands it requests as the inbox does. */
function boltApp(): App {
  const receiver: Receiver = { init: () => {}, start: async () => {}, stop: async () => {} };
  return new App({ receiver, token: "xoxb-test", botId: "B1", botUserId: "U0BOT", logLevel: LogLevel.ERROR, convoStore: false, tokenVerificationEnabled: false });
}

function tableWithHandlers() {
  const app = boltApp();
  const heard: string[] = [];
  const noted: [ListenerKind, string][] = [];
  const table = new ListenerTable(app, (kind, id) => noted.push([kind, id]));
  const listening = table.registering;
  listening.action(listensTo("aims_choice"), async ({ ack }) => void (await ack(), heard.push("choice")));
  listening.action(listensTo("aims_command"), async ({ ack }) => void (await ack(), heard.push("command")));
  listening.shortcut("report_incident", async ({ ack }) => void (await ack(), heard.push("shortcut")));
  listening.view("register_form", async ({ ack }) => void (await ack(), heard.push("view")));
  listening.command("/aims", async ({ ack }) => void (await ack(), heard.push("slash command")));
  listening.event("message", async () => void heard.push("message"));
  listening.event("app_mention", async () => void heard.push("mention"));
  table.listen();
  const deliver = async (body: Record<string, unknown>) => {
    heard.length = 0;
    await app.processEvent({ body, ack: async () => {} });
    return [...heard];
  };
  return { deliver, noted };
}

const user = { id: "U1", team_id: "T1" };
const actionBody = (actionId: string) => ({ type: "block_actions", team: { id: "T1" }, user, actions: [{ type: "button", action_id: actionId, block_id: "b", value: "1", action_ts: "1" }], container: { type: "message" }, trigger_id: "t", api_app_id: "A1", token: "x" });
const eventBody = (event: Record<string, unknown>) => ({ type: "event_callback", team_id: "T1", api_app_id: "A1", event_id: `Ev${Math.random()}`, event_time: 1, event, token: "x" });

describe("one Bolt listener per kind of request", () => {
  it("hands each request to the handler registered for its id, and to no other", async () => {
    const { deliver } = tableWithHandlers();
    expect(await deliver(actionBody("aims_choice"))).toEqual(["choice"]);
    // A block's repeated buttons carry a suffix; the pattern registered for the id still hears them.
    expect(await deliver(actionBody("aims_command:2"))).toEqual(["command"]);
    expect(await deliver(actionBody("somebody_elses_button"))).toEqual([]);
    expect(await deliver({ type: "shortcut", callback_id: "report_incident", team: { id: "T1" }, user, trigger_id: "t", action_ts: "1", token: "x" })).toEqual(["shortcut"]);
    expect(await deliver({ type: "view_submission", team: { id: "T1" }, user, view: { id: "V1", callback_id: "register_form", state: { values: {} } }, trigger_id: "t", token: "x" })).toEqual(["view"]);
    expect(await deliver({ command: "/aims", text: "help", user_id: "U1", team_id: "T1", channel_id: "D1", response_url: "http://127.0.0.1:9/r", trigger_id: "t", token: "x" })).toEqual(["slash command"]);
    expect(await deliver(eventBody({ type: "message", channel_type: "im", user: "U1", text: "hi", channel: "D1", ts: "1.1" }))).toEqual(["message"]);
    expect(await deliver(eventBody({ type: "app_mention", user: "U1", text: "<@U0BOT> hi", channel: "C1", ts: "1.2" }))).toEqual(["mention"]);
  });

  it("notes every id registered by name, for the manifest check", () => {
    const { noted } = tableWithHandlers();
    expect(noted).toEqual([["shortcut", "report_incident"], ["view", "register_form"], ["command", "/aims"], ["event", "message"], ["event", "app_mention"]]);
  });

  it("passes a handler's failure on to Bolt's error handler, and refuses a listener registered once listening", async () => {
    const app = boltApp();
    const failures: string[] = [];
    app.error(async (error) => void failures.push(String((error as { original?: Error }).original?.message ?? error.message)));
    const table = new ListenerTable(app);
    table.registering.event("message", async () => {
      throw new Error("the turn failed");
    });
    table.listen();
    await app.processEvent({ body: eventBody({ type: "message", channel_type: "im", user: "U1", text: "hi", channel: "D1", ts: "1.3" }), ack: async () => {} });
    expect(failures.join()).toContain("the turn failed");
    expect(() => table.registering.event("app_mention", async () => {})).toThrow(/after the app began listening/);
  });

  it("refuses a listener registered with middleware before its handler, which it would otherwise drop", () => {
    const table = new ListenerTable(boltApp());
    expect(() => table.registering.action("aims_choice", async ({ next }) => next(), async () => {})).toThrow(/one id .* and one handler/);
  });
});
