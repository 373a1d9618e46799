// The Slack app manifest must ask for exactly what the code handles: a handler without its manifest
// entry never receives anything, and a manifest entry without a handler leaves users hanging.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { pino } from "pino";
import { createSlackChannel, slackEventsPath } from "../../src/channels/slack/slackChannel.js";
import type { ConversationEngine } from "../../src/conversations/engine.js";
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import type { Store } from "../../src/store/store.js";
import { chatCommands } from "../../src/commands/commandRegistry.js";
import { slashUsageHint } from "../../src/conversations/commands/commandHelp.js";
import { assistantView } from "../../src/channels/slack/assistantManifest.js";
import { findCommand } from "../../src/conversations/commands/chatCommand.js";

const manifest = JSON.parse(fs.readFileSync(new URL("../../manifests/slack/manifest.json", import.meta.url), "utf8"));
const channel = createSlackChannel(
  { botToken: "xoxb-manifest-check", signingSecret: "secret", apiUrl: "http://127.0.0.1:9/api/" },
  { engine: {} as ConversationEngine, store: {} as Store, prisma: {} as PrismaClient, logger: pino({ level: "silent" }), beginTurn: () => () => {} },
);

/** Which Slack API methods the source calls, e.g. client.chat.postMessage → chat.postMessage. */
/** Every Web API method called through a client, in the Slack channel and in the features that call Slack directly. */
function apiMethodsUsed(): Set<string> {
  const methods = new Set<string>();
  for (const folder of ["channels/slack", "people", "setup"]) {
    const files = fs.readdirSync(new URL(`../../src/${folder}/`, import.meta.url), { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".ts"));
    for (const file of files) {
      const source = fs.readFileSync(new URL(`../../src/${folder}/${file}`, import.meta.url), "utf8");
      for (const match of source.matchAll(/client\.(\w+(?:\s*\.\w+)+)\(/g)) methods.add(match[1]!.replace(/\s+/g, ""));
    }
  }
  return methods;
}

/** The bot scopes each method needs (Slack's API reference); methods needing none are listed as []. */
const scopesByMethod: Record<string, string[]> = {
  "chat.postMessage": ["chat:write"],
  "chat.update": ["chat:write"],
  "chat.postEphemeral": ["chat:write"],
  "chat.getPermalink": [],
  "conversations.open": ["im:write"],
  // Only in the DM, where the assistant view's threads live.
  "conversations.replies": ["im:history"],
  "users.info": ["users:read", "users:read.email"],
  "users.lookupByEmail": ["users:read.email"],
  "views.open": [],
  "views.update": [],
  "views.publish": [],
  "files.uploadV2": ["files:write"],
  "auth.test": [],
  "usergroups.users.list": ["usergroups:read"],
};

/** Event subscriptions as Slack names them, and the scope each needs. */
const eventScopes: Record<string, { event: string; scope: string | null }> = {
  "message.im": { event: "message", scope: "im:history" },
  app_mention: { event: "app_mention", scope: "app_mentions:read" },
  app_home_opened: { event: "app_home_opened", scope: null },
  assistant_thread_started: { event: "assistant_thread_started", scope: "assistant:write" },
  assistant_thread_context_changed: { event: "assistant_thread_context_changed", scope: "assistant:write" },
};

describe("the Slack app manifest", () => {
  it("subscribes to exactly the events the app handles", () => {
    const subscribed = manifest.settings.event_subscriptions.bot_events as string[];
    expect(new Set(subscribed.map((name) => eventScopes[name]?.event ?? `unknown:${name}`))).toEqual(channel.handlers.events);
  });

  it("declares exactly the slash commands and shortcuts the app handles", () => {
    expect(new Set(manifest.features.slash_commands.map((command: { command: string }) => command.command))).toEqual(channel.handlers.commands);
    expect(new Set(manifest.features.shortcuts.map((shortcut: { callback_id: string }) => shortcut.callback_id))).toEqual(channel.handlers.shortcuts);
  });

  it("sends every request to /slack/events", () => {
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((command: { url: string }) => command.url),
    ] as string[];
    for (const url of urls) expect(new URL(url).pathname).toBe(slackEventsPath);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });

  it("asks for only the bot scopes the code uses", () => {
    const used = apiMethodsUsed();
    for (const method of used) expect(scopesByMethod, `add ${method} to scopesByMethod`).toHaveProperty([method]);
    const needed = new Set([
      ...[...used].flatMap((method) => scopesByMethod[method] ?? []),
      ...(manifest.settings.event_subscriptions.bot_events as string[]).flatMap((name) => eventScopes[name]?.scope ?? []),
      ...(manifest.features.slash_commands.length > 0 ? ["commands"] : []),
    ]);
    expect(new Set(manifest.oauth_config.scopes.bot)).toEqual(needed);
  });
});

describe("the /aims usage hint", () => {
  it("is generated from the command registry (npm run slack:manifest) and fits Slack's limit", () => {
    const aims = manifest.features.slash_commands.find((command: { command: string }) => command.command === "/aims");
    expect(aims.usage_hint).toBe(slashUsageHint(chatCommands));
    for (const verb of ["register", "report", "ask", "incidents", "systems", "soa", "help"]) expect(aims.usage_hint.split(" | ")).toContain(verb);
    expect(aims.usage_hint.length).toBeLessThanOrEqual(1000);
  });
});

describe("the AI assistant view", () => {
  it("is declared with its description and starting prompts as npm run slack:manifest makes them", () => {
    expect(manifest.features.assistant_view).toEqual(assistantView(chatCommands));
    const prompts = manifest.features.assistant_view.suggested_prompts as { title: string; message: string }[];
    // Slack offers at most four; each one is a command the bot understands.
    expect(prompts.length).toBeGreaterThan(0);
    expect(prompts.length).toBeLessThanOrEqual(4);
    for (const prompt of prompts) expect(findCommand(prompt.message, chatCommands), prompt.message).not.toBeNull();
  });

  it("is served: the app handles the assistant's thread events and may set status, title and prompts", () => {
    expect(channel.handlers.events).toContain("assistant_thread_started");
    expect(manifest.oauth_config.scopes.bot).toContain("assistant:write");
  });
});
