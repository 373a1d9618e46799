// The local chat: a browser page at /chat and its JSON API, driving the same engine and store
// as Slack and Teams. Bound to loopback by default; the person is chosen in the page. Reachable from
// other machines only with LOCAL_CHAT=on and an access token (see accessToken.ts).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import express, { type Router } from "express";
import { z } from "zod";
import type { ConversationEngine } from "../../conversations/engine.js";
import type { Logger } from "../../logging/logger.js";
import type { Store } from "../../store/store.js";
import { governanceAudience, personAudience } from "../../store/notifications.js";
import { newErrorReference } from "../errorReference.js";
import { personaOf } from "./personas.js";
import { requireAccessToken } from "./accessToken.js";
import { turnInputSchema, unreadableInput } from "../../conversations/turnInput.js";

const pagePath = path.join(path.dirname(fileURLToPath(import.meta.url)), "chatPage.html");

const turnRequest = z.object({
  personId: z.string().min(1),
  conversationId: z.string().min(1).max(200).default("local"),
  input: turnInputSchema,
});

export function localChatRoutes(deps: { engine: ConversationEngine; store: Store; logger: Logger; afterTurn?: () => void; accessToken?: string }): Router {
  const router = express.Router();
  // The page itself holds nothing and asks for the token; everything behind /api needs it.
  router.get("/", (_req, res) => {
    res.type("html").send(fs.readFileSync(pagePath, "utf8"));
  });
  if (deps.accessToken) router.use(requireAccessToken(deps.accessToken));
  router.use(express.json({ limit: "64kb" }));

  router.get("/api/people", async (_req, res) => {
    const people = await deps.store.people.list();
    res.json(people.map((person) => ({ id: person.id, displayName: person.displayName, roles: person.roles, persona: personaOf(person.roles) })));
  });

  router.post("/api/turn", async (req, res) => {
    const parsed = turnRequest.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: unreadableInput });
      return;
    }
    try {
      const person = await deps.store.people.byId(parsed.data.personId);
      if (!person) {
        res.status(400).json({ error: "Choose who you are acting as first." });
        return;
      }
      const reply = await deps.engine.handle({
        key: { platform: "local", workspaceId: "local", userId: person.id, conversationId: parsed.data.conversationId },
        speaker: { personId: person.id, displayName: person.displayName, roles: person.roles },
        channel: "local_chat",
        input: parsed.data.input,
      });
      res.json(reply);
      deps.afterTurn?.();
    } catch (error) {
      const reference = newErrorReference();
      deps.logger.error({ err: error, errorReference: reference }, "local chat turn failed");
      res.status(503).json({ error: `Something went wrong on our side (error ${reference}). Your earlier answers are saved; please try again.` });
    }
  });

  const audiencesOf = async (personId: unknown) => {
    const person = typeof personId === "string" ? await deps.store.people.byId(personId) : null;
    return person ? [personAudience(person.id), ...(person.roles.includes("governance") ? [governanceAudience] : [])] : [];
  };

  router.get("/api/notifications", async (req, res) => {
    const audiences = await audiencesOf(req.query.personId);
    res.json(audiences.length === 0 ? [] : await deps.store.notifications.forAudiences(audiences));
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

  return router;
}
