// Teams through the durable inbox. An activity POSTed to /api/messages is authenticated as the Bot
// Framework requires (the SDK checks its JWT), written to the database in one statement (its id as
// the dedupe key, so the connector's retry is written once) before it is acknowledged. Workers run
// the turn from there, in each person's order; replies go to the connector like proactive messages,
// with the bot's own identity. The acknowledgement waits for the turn, a few seconds at most: a busy
// service then slows the connector down instead of piling up a backlog whose replies come late (the
// connector allows 15 s). A card's Action.Execute (an invoke) carries its answer in that response;
// past the wait, the answer is posted to the chat instead.
import { createHash } from "node:crypto";
import { CardFactory, CloudAdapter, MessageFactory, TurnContext, type Activity, type ConfigurationBotFrameworkAuthentication, type InvokeResponse } from "botbuilder";
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Logger } from "../../logging/logger.js";
import type { InboxBudget } from "../../inbox/inboxBudget.js";
import { InboxWorker } from "../../inbox/inboxWorker.js";
import { Inbox, type InboxRequest } from "../../store/inbox.js";
import type { BeginTurn } from "../turnNotices.js";

export const teamsInboxPlatform = "teams";

/** Teams waits about 5 seconds for an invoke's answer; what is not ready by then goes to the chat. */
const invokeAnswerWaitMs = 4_000;
/** How long a message's acknowledgement waits for its turn; it is stored already, so this only paces the sender. */
const messageAckWaitMs = 5_000;

type Authentication = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication["authenticateRequest"]>>;

/** What the inbox keeps of an activity: the activity and what its authentication decided. */
interface StoredActivity {
  activity: Activity;
  audience?: string;
  callerId?: string;
}

/** The adapter, able to run an activity whose request was authenticated earlier (in another process, perhaps). */
export class InboxCloudAdapter extends CloudAdapter {
  constructor(readonly authentication: ConfigurationBotFrameworkAuthentication) {
    super(authentication);
  }

  async runStored(appId: string, stored: StoredActivity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    // The bot's own identity, as for a proactive message: the caller's token was checked when the activity arrived.
    const claimsIdentity = this.createClaimsIdentity(appId);
    const result: Authentication = {
      claimsIdentity,
      audience: stored.audience ?? "",
      callerId: stored.callerId ?? "",
      connectorFactory: this.authentication.createConnectorFactory(claimsIdentity),
    };
    return this.processActivity(result, withDates(stored.activity), logic);
  }
}

export type ReceiveOutcome = { status: number; body?: unknown };

export interface TeamsInboxSettings {
  adapter: InboxCloudAdapter;
  appId: string;
  prisma: PrismaClient;
  logger: Logger;
  /** Activities processed at once (the rest wait in the database), and the connections kept for acks. */
  budget: InboxBudget;
  /** The turn itself (teamsTurns.ts's onTurn, with its dependencies). */
  turn: (context: TurnContext) => Promise<void>;
  /** Noted as each turn begins; what it returns is called after the turn and sends the notices the turn queued. */
  beginTurn?: BeginTurn;
}

export class TeamsInbox {
  private readonly inbox: Inbox;
  private readonly worker: InboxWorker;

  constructor(private readonly settings: TeamsInboxSettings) {
    this.inbox = new Inbox(settings.prisma, { leaseMs: 60_000, maxAgeMs: 24 * 60 * 60_000 }, settings.budget);
    this.worker = new InboxWorker({
      inbox: this.inbox,
      platform: teamsInboxPlatform,
      concurrency: settings.budget.concurrency,
      ...(settings.budget.slots ? { slots: settings.budget.slots } : {}),
      logger: settings.logger,
      process: (request, answer) => this.process(request, answer),
      answerLater: (request, response) => this.answerInChat(request, response),
    });
  }

  start(): void {
    this.worker.start();
  }

  stop(): Promise<void> {
    return this.worker.stop();
  }

  /** Resolves once every stored activity has been processed (what tests wait for before looking at the replies). */
  async settled(): Promise<void> {
    while ((await this.inbox.unprocessed(teamsInboxPlatform)) > 0) {
      this.worker.wake();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Writes an authenticated activity; the HTTP answer once it is safely stored (an invoke's: once answered). */
  async accept(activity: Activity, authentication: Authentication): Promise<ReceiveOutcome> {
    const stored: StoredActivity = { activity, audience: authentication.audience, callerId: authentication.callerId };
    const id = await this.inbox.write(teamsInboxPlatform, dedupeKeyOf(activity), laneOf(activity), stored);
    if (id === null) return { status: 200 }; // the connector's retry of an activity already in the inbox
    if (activity.type !== "invoke") {
      await this.worker.answerOf(id, messageAckWaitMs);
      return { status: 200 };
    }
    const answer = (await this.worker.answerOf(id, invokeAnswerWaitMs)) as InvokeResponse | null | undefined;
    if (answer) return { status: answer.status, body: answer.body };
    return { status: 200, body: { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: "Working on it: the answer follows in this chat." } };
  }

  private async process(request: InboxRequest, answer: (response: unknown) => Promise<void>): Promise<void> {
    const stored = request.body as StoredActivity;
    const finishTurn = this.settings.beginTurn?.();
    const invokeResponse = await this.settings.adapter.runStored(this.settings.appId, stored, this.settings.turn);
    finishTurn?.();
    await answer(invokeResponse ?? null);
  }

  /** An invoke answered after its request was acknowledged: the refreshed card goes to the chat as a message. */
  private async answerInChat(request: InboxRequest, response: unknown): Promise<void> {
    const card = ((response as InvokeResponse).body as { type?: string; value?: unknown } | undefined) ?? {};
    if (card.type !== "application/vnd.microsoft.card.adaptive" || !card.value) return;
    const reference = TurnContext.getConversationReference((request.body as StoredActivity).activity);
    await this.settings.adapter.continueConversationAsync(this.settings.appId, reference, async (context) => {
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card.value)));
    });
  }
}

/** The connector retries an activity with the same id; ids are unique within their conversation. */
function dedupeKeyOf(activity: Activity): string {
  if (activity.id) return `teams:activity:${activity.conversation.id}:${activity.id}`;
  return `teams:request:${createHash("sha256").update(JSON.stringify(activity)).digest("hex")}`;
}

/** Whose activity it is: one person's activities are processed in order. */
function laneOf(activity: Activity): string {
  return `teams:${activity.from.aadObjectId ?? activity.from.id}`;
}

/** The SDK reads timestamps as Dates (its activity validator does this for a live request); stored JSON has strings. */
function withDates(activity: Activity): Activity {
  const fixed = { ...activity } as Activity & Record<string, unknown>;
  for (const field of ["timestamp", "expiration", "localTimestamp"] as const) {
    const value = fixed[field] as unknown;
    if (typeof value === "string") {
      fixed[`raw${field[0]!.toUpperCase()}${field.slice(1)}`] = value;
      (fixed as Record<string, unknown>)[field] = new Date(value);
    }
  }
  return fixed;
}
