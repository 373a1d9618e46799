// The local chat: a browser page at /chat and its JSON API, driving the same engine and store
// as Slack and Teams. Bound to loopback by default; the person is chosen in the page. Reachable from
// other machines only with LOCAL_CHAT=on and an access token (see accessToken.ts).
import fs from "node:fs";
import express, { type ErrorRequestHandler, type Router } from "express";
import { z } from "zod";
import type { ConversationEngine } from "../../conversations/engine.js";
import type { Logger } from "../../logging/logger.js";
import type { Store } from "../../store/store.js";
import { governanceAudience, personAudience } from "../../store/notifications.js";
import { noticeActionsFrom } from "../../conversations/noticeInput.js";
import { newErrorReference } from "../errorReference.js";
import { personaOf, rolesLabel } from "./personas.js";
import { requireAccessToken } from "./accessToken.js";
import { LocalTranscripts } from "./localTranscripts.js";
import { maxMessageLength, messageTooLong, turnInputSchema, unreadableInputMessage } from "../../conversations/turnInput.js";
import type { BeginTurn } from "../turnNotices.js";
import { inProject } from "../../project/projectFolder.js";

const pagePath = inProject("src", "channels", "localChat", "chatPage.html");

const conversationIdSchema = z.string().min(1).max(200).default("local");
const turnRequest = z.object({
  personId: z.string().min(1),
  conversationId: conversationIdSchema,
  input: turnInputSchema,
  /** What the page showed as the person's words (the text typed, or the button's label), for the transcript. */
  echo: z.string().max(maxMessageLength).optional(),
});

export interface LocalChatDependencies {
  engine: ConversationEngine;
  store: Store;
  logger: Logger;
  beginTurn?: BeginTurn;
  accessToken?: string;
}

export function localChatRoutes(deps: LocalChatDependencies): Router {
  const router = express.Router();
  // The page itself holds nothing and asks for the token; everything behind /api needs it.
  router.get("/", (_req, res) => {
    res.type("html").send(fs.readFileSync(pagePath, "utf8"));
  });
  if (deps.accessToken) router.use(requireAccessToken(deps.accessToken));
  router.use(express.json({ limit: "64kb" }));

  router.get("/api/people", async (_req, res) => {
    const people = await deps.store.people.list();
    res.json(people.map((person) => ({ id: person.id, displayName: person.displayName, roles: person.roles, rolesLabel: rolesLabel(person.roles), persona: personaOf(person.roles) })));
  });
  conversationRoutes(router, deps);
  noticeRoutes(router, deps);
  router.use(unreadableBody);
  return router;
}

/** A turn, and the conversation so far for the page to show again after a reload. */
function conversationRoutes(router: Router, deps: LocalChatDependencies): void {
  const transcripts = new LocalTranscripts();
  router.post("/api/turn", async (req, res) => {
    const parsed = turnRequest.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: unreadableInputMessage((req.body as { input?: unknown } | undefined)?.input) });
      return;
    }
    try {
      const person = await deps.store.people.byId(parsed.data.personId);
      if (!person) {
        res.status(400).json({ error: "Choose who you are acting as first." });
        return;
      }
      const finishTurn = deps.beginTurn?.();
      const reply = await deps.engine.handle({
        key: { platform: "local", workspaceId: "local", userId: person.id, conversationId: parsed.data.conversationId },
        speaker: { personId: person.id, displayName: person.displayName, roles: person.roles },
        channel: "local_chat",
        input: parsed.data.input,
      });
      const echo = parsed.data.echo ? [{ from: "person" as const, text: parsed.data.echo }] : [];
      transcripts.add(person.id, parsed.data.conversationId, [...echo, ...reply.messages.map((message) => ({ from: "bot" as const, message }))]);
      res.json(reply);
      finishTurn?.();
    } catch (error) {
      const reference = newErrorReference();
      deps.logger.error({ err: error, errorReference: reference }, "local chat turn failed");
      res.status(503).json({ error: `Something went wrong on our side (error ${reference}). Your earlier answers are saved; please try again.` });
    }
  });

  router.get("/api/transcript", (req, res) => {
    const conversationId = conversationIdSchema.safeParse(req.query.conversationId);
    if (typeof req.query.personId !== "string" || !conversationId.success) {
      res.status(400).json({ error: "Say whose conversation to show (personId, conversationId)." });
      return;
    }
    res.json(transcripts.of(req.query.personId, conversationId.data));
  });
}

/** The person's notices, each with the buttons Slack and Teams show on it, and their files. */
function noticeRoutes(router: Router, deps: LocalChatDependencies): void {
  const audiencesOf = async (personId: unknown) => {
    const person = typeof personId === "string" ? await deps.store.people.byId(personId) : null;
    return person ? [personAudience(person.id), ...(person.roles.includes("governance") ? [governanceAudience] : [])] : [];
  };

  router.get("/api/notifications", async (req, res) => {
    const audiences = await audiencesOf(req.query.personId);
    const notices = audiences.length === 0 ? [] : await deps.store.notifications.forAudiences(audiences);
    res.json(notices.map((notice) => ({ id: notice.id, audience: notice.audience, kind: notice.kind, subject: notice.subject, text: notice.text, createdAt: notice.createdAt, attachmentName: notice.attachmentName, actions: noticeActionsFrom(notice.actions) })));
  });

  // A notice's file (an evidence pack, the digest chart), for the people the notice was for.
  router.get("/api/notifications/:id/file", async (req, res) => {
    const file = await deps.store.notifications.fileFor(req.params.id, await audiencesOf(req.query.personId));
    if (!file) {
      res.status(404).json({ error: "No such file for this person." });
      return;
    }
    res.attachment(file.name).type(file.name.endsWith(".png") ? "image/png" : "application/zip").send(Buffer.from(file.bytes));
  });
}

/** A body too large for the parser says the message limit; one that is not JSON says it could not be read. */
const unreadableBody: ErrorRequestHandler = (error: { type?: string }, _req, res, next) => {
  if (error.type === "entity.too.large") res.status(413).json({ error: messageTooLong() });
  else if (error.type === "entity.parse.failed") res.status(400).json({ error: unreadableInputMessage(undefined) });
  else next(error);
};
