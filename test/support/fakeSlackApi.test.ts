// Self-test of the Slack test support: the fake Web API driven by the real @slack/web-api WebClient,
// and request signing checked against an independently computed vector.
import { createHmac } from "node:crypto";
import { WebClient } from "@slack/web-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFakeSlackApi, type FakeSlackApi } from "./fakeSlackApi.js";
import { interaction, signSlackRequest, slashCommand, viewSubmission } from "./slackRequests.js";

describe("fake Slack Web API", () => {
  let fake: FakeSlackApi;
  let client: WebClient;

  beforeEach(async () => {
    fake = await startFakeSlackApi();
    client = new WebClient("xoxb-test", { slackApiUrl: fake.url, retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 50 } });
  });
  afterEach(async () => {
    await fake.close();
  });

  it("records a postMessage with its blocks parsed back into objects", async () => {
    const blocks = [{ type: "section", text: { type: "mrkdwn", text: "*Hello*" } }];
    const first = await client.chat.postMessage({ channel: "D0001", text: "Hello", blocks });
    const second = await client.chat.postMessage({ channel: "D0001", text: "Again" });

    expect(first.ok).toBe(true);
    expect(first.channel).toBe("D0001");
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    const call = await fake.waitFor((c) => c.method === "chat.postMessage");
    expect(call.args).toMatchObject({ channel: "D0001", text: "Hello", blocks, token: "xoxb-test" });
    expect(fake.callsTo("chat.postMessage")).toHaveLength(2);
  });

  it("answers a queued 429 with Retry-After, which the client waits out and retries", async () => {
    fake.failNext("chat.postMessage", { status: 429, retryAfterSeconds: 1 });
    const started = Date.now();
    const result = await client.chat.postMessage({ channel: "C0001", text: "after the rate limit" });

    expect(result.ok).toBe(true);
    const [limited, delivered] = fake.callsTo("chat.postMessage");
    expect(limited?.failure).toEqual({ status: 429, retryAfterSeconds: 1 });
    expect(delivered?.failure).toBeUndefined();
    expect(delivered!.args.text).toBe("after the rate limit");
    expect(delivered!.at - started).toBeGreaterThanOrEqual(1000);
  });

  it("serves queued ok:false errors in order, then the default again", async () => {
    fake.failNext("chat.update", { ok: false, error: "message_not_found" });
    fake.failNext("chat.update", { ok: false, error: "cant_update_message" });
    await expect(client.chat.update({ channel: "D1", ts: "1.2", text: "x" })).rejects.toMatchObject({ data: { error: "message_not_found" } });
    await expect(client.chat.update({ channel: "D1", ts: "1.2", text: "x" })).rejects.toMatchObject({ data: { error: "cant_update_message" } });
    await expect(client.chat.update({ channel: "D1", ts: "1.2", text: "x" })).resolves.toMatchObject({ ok: true, ts: "1.2" });
  });

  it("looks up seeded users, and reports unknown ones as user_not_found", async () => {
    fake.addUser("U0ALICE", { realName: "Alice Example", email: "alice@acme.test", tz: "Europe/Berlin" });
    const { user } = await client.users.info({ user: "U0ALICE" });
    expect(user).toMatchObject({ id: "U0ALICE", real_name: "Alice Example", tz: "Europe/Berlin", profile: { email: "alice@acme.test" } });
    await expect(client.users.info({ user: "U0NOBODY" })).rejects.toMatchObject({ data: { error: "user_not_found" } });
  });

  it("opens DMs and views with the documented defaults", async () => {
    const dm = await client.conversations.open({ users: "U0ALICE" });
    expect(dm.channel?.id).toBe("DU0ALICE");
    const opened = await client.views.open({ trigger_id: "t", view: { type: "modal", title: { type: "plain_text", text: "T" }, blocks: [] } });
    expect(opened.view).toMatchObject({ id: "V1", type: "modal" });
    const link = await client.chat.getPermalink({ channel: "C0001", message_ts: "1700000001.000100" });
    expect(link.permalink).toBe("https://acme.slack.com/archives/C0001/p1700000001000100");
  });

  it("times out waitFor with the methods it did see", async () => {
    await client.auth.test();
    await expect(fake.waitFor((c) => c.method === "chat.postMessage", 100)).rejects.toThrow(/auth\.test/);
  });
});

describe("Slack request signing and builders", () => {
  it("signs v0:<ts>:<body> with HMAC-SHA256", () => {
    const body = "token=abc&text=hello%20world";
    const expected = "v0=" + createHmac("sha256", "s3cret").update("v0:1531420618:" + body).digest("hex");
    expect(signSlackRequest("s3cret", body, 1531420618)).toEqual({ "x-slack-signature": expected, "x-slack-request-timestamp": "1531420618" });
  });

  it("form-encodes slash commands and interaction payloads as Slack does", () => {
    const command = slashCommand({ text: "status", userId: "U0ALICE" });
    expect(command.contentType).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(command.body))).toMatchObject({ command: "/aims", text: "status", user_id: "U0ALICE", channel_id: "D0001" });

    const submission = viewSubmission({ userId: "U0ALICE", callbackId: "cb", privateMetadata: "{}", values: { b: { a: { type: "plain_text_input", value: "v" } } } });
    const payload = JSON.parse(new URLSearchParams(interaction(submission).body).get("payload")!);
    expect(payload).toMatchObject({ type: "view_submission", view: { callback_id: "cb", state: { values: { b: { a: { value: "v" } } } } } });
  });
});
