// Requests exactly as Slack sends them to the app's HTTP endpoint: event callbacks, URL verification,
// slash commands and interactivity payloads, signed with the signing secret (v0 HMAC-SHA256).
// Builders return { body, contentType }, ready to pass to postToSlackEndpoint.
import { createHmac } from "node:crypto";

export interface SlackRequestBody {
  body: string;
  contentType: string;
}

export interface SlackSignatureHeaders {
  "x-slack-signature": string;
  "x-slack-request-timestamp": string;
}

const json = "application/json";
const form = "application/x-www-form-urlencoded";

const nowSeconds = () => Math.floor(Date.now() / 1000);
/** An action/event timestamp in Slack's "seconds.micros" format. */
const slackTs = () => (Date.now() / 1000).toFixed(6);

export function signSlackRequest(signingSecret: string, body: string, timestampSeconds: number = nowSeconds()): SlackSignatureHeaders {
  const hmac = createHmac("sha256", signingSecret).update(`v0:${timestampSeconds}:${body}`).digest("hex");
  return { "x-slack-signature": `v0=${hmac}`, "x-slack-request-timestamp": String(timestampSeconds) };
}

export interface PostOptions extends SlackRequestBody {
  /** Seconds since the epoch to sign with (default now); an old one tests replay protection. */
  timestamp?: number;
  /** e.g. { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" } */
  extraHeaders?: Record<string, string>;
  /** Send this x-slack-signature instead of the correct one (forgery). */
  signature?: string;
}

export interface PostResult {
  status: number;
  text: string;
  json?: unknown;
}

export async function postToSlackEndpoint(url: string, signingSecret: string, options: PostOptions): Promise<PostResult> {
  const signed = signSlackRequest(signingSecret, options.body, options.timestamp);
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": options.contentType,
      ...signed,
      ...(options.signature !== undefined ? { "x-slack-signature": options.signature } : {}),
      ...options.extraHeaders,
    },
    body: options.body,
  });
  const text = await response.text();
  const result: PostResult = { status: response.status, text };
  try {
    if (text) result.json = JSON.parse(text);
  } catch {
    // not JSON (e.g. an empty ack or plain-text error)
  }
  return result;
}

// --- Events API ---

let eventCounter = 0;

export function eventCallback(
  event: Record<string, unknown>,
  { eventId = `Ev${Date.now()}${++eventCounter}`, teamId = "T0001", apiAppId = "A0001" }: { eventId?: string; teamId?: string; apiAppId?: string } = {},
): SlackRequestBody {
  const envelope = {
    token: "legacy",
    team_id: teamId,
    api_app_id: apiAppId,
    event,
    type: "event_callback",
    event_id: eventId,
    event_time: nowSeconds(),
    authorizations: [{ team_id: teamId, user_id: "U0BOT", is_bot: true }],
  };
  return { body: JSON.stringify(envelope), contentType: json };
}

/**
 * Someone opens a new chat in Slack's AI assistant view: a thread of their DM with the app, beside
 * the channel they were looking at (the thread's context).
 */
export function assistantThreadStarted(userId: string, threadTs: string, contextChannel = "C0GENERAL"): SlackRequestBody {
  return eventCallback({
    type: "assistant_thread_started",
    assistant_thread: { user_id: userId, context: { channel_id: contextChannel, team_id: "T0001", enterprise_id: null }, channel_id: `D${userId}`, thread_ts: threadTs },
    event_ts: slackTs(),
  });
}

/** What the user types in an assistant thread: a message in their DM with the app, in that thread. */
export function assistantThreadMessage(userId: string, threadTs: string, text: string, ts: string): SlackRequestBody {
  return eventCallback({ type: "message", channel_type: "im", channel: `D${userId}`, user: userId, text, ts, thread_ts: threadTs, event_ts: ts });
}

export function urlVerification(challenge: string): SlackRequestBody {
  return { body: JSON.stringify({ type: "url_verification", token: "legacy", challenge }), contentType: json };
}

// --- Slash commands ---

let triggers = 0;
/** Slack gives every command, shortcut and click its own trigger_id (so two identical commands are two requests). */
const newTriggerId = () => `${Date.now()}.${++triggers}.fake`;

export interface SlashCommandOptions {
  command?: string;
  text?: string;
  userId: string;
  channelId?: string;
  teamId?: string;
  triggerId?: string;
  /** Where `respond()` posts; point it at a fake to capture responses. */
  responseUrl?: string;
}

export function slashCommand({
  command = "/aims",
  text = "",
  userId,
  channelId = "D0001",
  teamId = "T0001",
  triggerId = newTriggerId(),
  responseUrl = "http://127.0.0.1:9/response",
}: SlashCommandOptions): SlackRequestBody {
  const fields = {
    token: "legacy",
    team_id: teamId,
    team_domain: "acme",
    channel_id: channelId,
    channel_name: channelId.startsWith("D") ? "directmessage" : "general",
    user_id: userId,
    user_name: userId.toLowerCase(),
    command,
    text,
    api_app_id: "A0001",
    is_enterprise_install: "false",
    response_url: responseUrl,
    trigger_id: triggerId,
  };
  return { body: new URLSearchParams(fields).toString(), contentType: form };
}

// --- Interactivity (block actions, shortcuts, modal submissions) ---

export function interaction(payload: Record<string, unknown>): SlackRequestBody {
  return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: form };
}

export interface BlockActionOptions {
  userId: string;
  teamId?: string;
  /** With messageTs: a click in a message. Without both: a click in a view (App Home), see viewId. */
  channelId?: string;
  messageTs?: string;
  /** The thread the clicked message is a reply in (an AI assistant thread). */
  threadTs?: string;
  viewId?: string;
  actionId: string;
  blockId?: string;
  value?: string;
  selectedOption?: string;
  selectedOptions?: string[];
  selectedDate?: string;
  /** Element type; inferred from which value is given (button, static_select, checkboxes, datepicker). */
  actionType?: string;
  stateValues?: Record<string, Record<string, unknown>>;
}

/** A `block_actions` payload (not yet wrapped: pass it to interaction()). */
export function blockAction(options: BlockActionOptions): Record<string, unknown> {
  const { userId, teamId = "T0001", channelId, messageTs, viewId = "VHOME", actionId, blockId = "block-1" } = options;
  const actionType =
    options.actionType ??
    (options.selectedOption !== undefined ? "static_select"
      : options.selectedOptions !== undefined ? "checkboxes"
      : options.selectedDate !== undefined ? "datepicker"
      : "button");
  const action: Record<string, unknown> = { action_id: actionId, block_id: blockId, type: actionType, action_ts: slackTs() };
  if (options.value !== undefined) action.value = options.value;
  if (options.selectedOption !== undefined) action.selected_option = { value: options.selectedOption };
  if (options.selectedOptions !== undefined) action.selected_options = options.selectedOptions.map((value) => ({ value }));
  if (options.selectedDate !== undefined) action.selected_date = options.selectedDate;

  const inMessage = channelId !== undefined && messageTs !== undefined;
  return {
    type: "block_actions",
    token: "legacy",
    api_app_id: "A0001",
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: teamId },
    team: { id: teamId, domain: "acme" },
    enterprise: null,
    is_enterprise_install: false,
    trigger_id: newTriggerId(),
    ...(inMessage
      ? {
          container: { type: "message", message_ts: messageTs, channel_id: channelId, is_ephemeral: false, ...(options.threadTs ? { thread_ts: options.threadTs } : {}) },
          channel: { id: channelId, name: channelId.startsWith("D") ? "directmessage" : "general" },
          message: { type: "message", user: "U0BOT", bot_id: "B0BOT", ts: messageTs, text: "", ...(options.threadTs ? { thread_ts: options.threadTs } : {}) },
          response_url: "http://127.0.0.1:9/response",
        }
      : {
          container: { type: "view", view_id: viewId },
          view: { id: viewId, type: "home", team_id: teamId, state: { values: options.stateValues ?? {} } },
        }),
    state: { values: options.stateValues ?? {} },
    actions: [action],
  };
}

export function globalShortcut({
  callbackId,
  userId,
  teamId = "T0001",
  triggerId = newTriggerId(),
}: {
  callbackId: string;
  userId: string;
  teamId?: string;
  triggerId?: string;
}): Record<string, unknown> {
  return {
    type: "shortcut",
    token: "legacy",
    callback_id: callbackId,
    trigger_id: triggerId,
    action_ts: slackTs(),
    user: { id: userId, username: userId.toLowerCase(), team_id: teamId },
    team: { id: teamId, domain: "acme" },
    enterprise: null,
    is_enterprise_install: false,
  };
}

export function messageShortcut({
  callbackId,
  userId,
  teamId = "T0001",
  channelId,
  messageTs,
  text,
  messageUserId = "U0AUTHOR",
  triggerId = newTriggerId(),
}: {
  callbackId: string;
  userId: string;
  teamId?: string;
  channelId: string;
  messageTs: string;
  text: string;
  /** Author of the message the shortcut was used on. */
  messageUserId?: string;
  triggerId?: string;
}): Record<string, unknown> {
  return {
    type: "message_action",
    token: "legacy",
    callback_id: callbackId,
    trigger_id: triggerId,
    action_ts: slackTs(),
    message_ts: messageTs,
    message: { type: "message", ts: messageTs, text, user: messageUserId },
    channel: { id: channelId, name: channelId.startsWith("D") ? "directmessage" : "general" },
    user: { id: userId, name: userId.toLowerCase(), team_id: teamId },
    team: { id: teamId, domain: "acme" },
    enterprise: null,
    is_enterprise_install: false,
    response_url: "http://127.0.0.1:9/response",
  };
}

export function viewSubmission({
  userId,
  teamId = "T0001",
  callbackId,
  privateMetadata = "",
  values,
  viewId = "V1",
}: {
  userId: string;
  teamId?: string;
  callbackId: string;
  privateMetadata?: string;
  /** state.values: { [blockId]: { [actionId]: { type, value | selected_option | ... } } } */
  values: Record<string, Record<string, unknown>>;
  viewId?: string;
}): Record<string, unknown> {
  return {
    type: "view_submission",
    token: "legacy",
    api_app_id: "A0001",
    trigger_id: newTriggerId(),
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: teamId },
    team: { id: teamId, domain: "acme" },
    enterprise: null,
    is_enterprise_install: false,
    view: {
      id: viewId,
      type: "modal",
      team_id: teamId,
      app_id: "A0001",
      bot_id: "B0BOT",
      callback_id: callbackId,
      private_metadata: privateMetadata,
      hash: "fake-hash",
      state: { values },
    },
    response_urls: [],
  };
}
