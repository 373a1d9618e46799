// Slack over HTTP through the durable inbox. POST /slack/events passes the request guard, is written
// to the database in one statement (Slack's event_id, or the body's digest, as its dedupe key) and
// only then acknowledged; workers hand it to Bolt from there. A command or interaction waits a
// moment for its listener's acknowledgement, which may carry an answer (an ephemeral reply, a form's
// errors); past that, it is acknowledged empty and the answer goes to its response_url.
import { createHash } from "node:crypto";
import type { App, Receiver } from "@slack/bolt";
import { Router, type Request } from "express";
import type { Logger } from "../../logging/logger.js";
import { Inbox, type InboxRequest } from "../../store/inbox.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { InboxWorker } from "../../inbox/inboxWorker.js";
import type { InboxBudget } from "../../inbox/inboxBudget.js";
import { payloadOf, slackRequestGuard } from "./requestGuard.js";

type SlackBody = Record<string, unknown>;

/** Slack gives up after 3 seconds; an answer that is not ready by then goes to the response_url. */
const answerWaitMs = 2_500;

export interface InboxReceiverSettings {
  signingSecret: string;
  path: string;
  prisma: PrismaClient;
  logger: Logger;
  /** Requests processed at once (the rest wait in the database), and the connections kept for acks. */
  budget: InboxBudget;
}

export class SlackInboxReceiver implements Receiver {
  readonly router = Router();
  private app: App | undefined;
  private readonly worker: InboxWorker;
  private readonly inbox: Inbox;

  constructor(settings: InboxReceiverSettings) {
    this.inbox = new Inbox(settings.prisma, { leaseMs: 60_000, maxAgeMs: 24 * 60 * 60_000 }, settings.budget);
    this.worker = new InboxWorker({
      inbox: this.inbox,
      platform: "slack",
      concurrency: settings.budget.concurrency,
      ...(settings.budget.slots ? { slots: settings.budget.slots } : {}),
      logger: settings.logger,
      process: (request, answer) => this.bolt().processEvent({ body: request.body as SlackBody, ack: answer, customProperties: { fromInbox: true } }),
      answerLater: (request, response) => answerThroughResponseUrl(request, response),
    });
    this.router.post(settings.path, slackRequestGuard(settings.signingSecret, settings.logger), (req, res) => {
      this.receive(req).then(
        ({ status, answer }) => (answer === undefined || answer === null ? res.status(status).end() : res.status(status).json(answer)),
        (error: unknown) => {
          // Not written, so not acknowledged: Slack keeps the request and retries it.
          settings.logger.error({ err: error }, "a Slack request could not be written to the inbox; Slack will retry it");
          res.status(503).json({ error: "Temporarily unavailable; please retry." });
        },
      );
    });
  }

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {
    this.worker.start();
  }

  async stop(): Promise<void> {
    await this.worker.stop();
  }

  private async receive(req: Request): Promise<{ status: number; answer?: unknown }> {
    const rawBody = (req as Request & { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0);
    const body = payloadOf(req) as SlackBody;
    if (body.type === "url_verification") return { status: 200, answer: { challenge: body.challenge } };
    if (body.ssl_check) return { status: 200 };
    // Options for a select: read-only, and only useful as this very response.
    if (body.type === "block_suggestion") return { status: 200, answer: await this.answerNow(body) };
    const id = await this.inbox.write("slack", dedupeKeyOf(body, rawBody), laneOf(body), body);
    if (id === null) return { status: 200 }; // a retry of a request already in the inbox
    if (body.type === "event_callback") {
      this.worker.wake();
      return { status: 200 };
    }
    return { status: 200, answer: await this.worker.answerOf(id, answerWaitMs) };
  }

  private async answerNow(body: SlackBody): Promise<unknown> {
    let answer: unknown;
    await this.bolt().processEvent({ body, ack: async (response) => void (answer = response) });
    return answer;
  }

  private bolt(): App {
    if (!this.app) throw new Error("the Slack inbox receiver was not given its Bolt app");
    return this.app;
  }
}

/** Slack retries an event with the same event_id; commands and interactions are never retried. */
function dedupeKeyOf(body: SlackBody, rawBody: Buffer): string {
  if (typeof body.event_id === "string") return `slack:event:${body.event_id}`;
  return `slack:request:${createHash("sha256").update(rawBody).digest("hex")}`;
}

/** Whose request it is: one person's requests are processed in order. */
function laneOf(body: SlackBody): string {
  const event = body.event as { user?: unknown; channel?: unknown } | undefined;
  const user = (body.user as { id?: unknown } | undefined)?.id ?? body.user_id ?? event?.user ?? event?.channel;
  return `slack:${typeof user === "string" ? user : "workspace"}`;
}

async function answerThroughResponseUrl(request: InboxRequest, response: unknown): Promise<void> {
  const responseUrl = (request.body as SlackBody).response_url;
  if (typeof responseUrl !== "string" || typeof response !== "object" || Object.keys(response as object).length === 0) return;
  await fetch(responseUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(response) });
}
