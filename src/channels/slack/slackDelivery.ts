// Sends outbox notices in Slack: to a person's DM (found by e-mail if they never wrote to the bot)
// or to a channel. Its own Web API client does not retry: the outbox does, so a 429's Retry-After
// and 5xx backoff are kept in the database and survive a restart.
import { ErrorCode, WebClient, type WebAPIRateLimitedError } from "@slack/web-api";
import type { OutgoingMessage } from "../../conversations/messages.js";
import { DeliveryFailure, type DeliverySender, type NoticeFile } from "../../delivery/deliveryWorker.js";
import type { Store } from "../../store/store.js";
import { renderSlackMessage } from "./blockKit.js";
import { bufferedFetch } from "../../http/bufferedFetch.js";

export function slackDeliverySender(settings: { botToken: string; apiUrl?: string }, store: Store): DeliverySender {
  const client = new WebClient(settings.botToken, {
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
    fetch: bufferedFetch,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });

  const slackUserOf = async (personId: string): Promise<string> => {
    const person = await store.people.byId(personId);
    if (!person) throw new DeliveryFailure(`person ${personId} no longer exists`);
    if (person.slackUserId) return person.slackUserId;
    if (!person.email) throw new DeliveryFailure("the person has no Slack account or e-mail");
    const found = await client.users.lookupByEmail({ email: person.email });
    const id = found.user?.id;
    if (!id) throw new DeliveryFailure("no Slack user with the person's e-mail");
    await store.people.linkSlackUser(person.id, id);
    return id;
  };

  return {
    platform: "slack",
    async send(target: string, notice: Extract<OutgoingMessage, { kind: "notice" }>, file?: NoticeFile) {
      try {
        const channel = target.startsWith("channel:")
          ? target.slice("channel:".length)
          : (await client.conversations.open({ users: await slackUserOf(target.slice("person:".length)) })).channel!.id!;
        await client.chat.postMessage({ channel, ...renderSlackMessage([notice]) });
        if (file) await client.files.uploadV2({ channel_id: channel, file: Buffer.from(file.bytes), filename: file.name, title: notice.subject });
      } catch (error) {
        throw asDeliveryFailure(error);
      }
    },
  };
}

function asDeliveryFailure(error: unknown): DeliveryFailure {
  if (error instanceof DeliveryFailure) return error;
  const coded = error as { code?: string; message?: string };
  if (coded.code === ErrorCode.RateLimitedError) {
    const retryAfter = (error as WebAPIRateLimitedError).retryAfter;
    return new DeliveryFailure(`rate limited by Slack (Retry-After ${retryAfter} s)`, retryAfter * 1000);
  }
  return new DeliveryFailure(coded.message ?? String(error));
}
