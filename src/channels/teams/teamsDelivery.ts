// Sends outbox notices in Teams: a card in the person's personal chat with the bot. Connector
// errors become delivery failures the outbox retries (a 429's Retry-After is honoured).
import { DeliveryFailure, type DeliverySender } from "../../delivery/deliveryWorker.js";
import type { TeamsChannel } from "./teamsChannel.js";

export function teamsDeliverySender(teams: TeamsChannel): DeliverySender {
  return {
    platform: "teams",
    async send(target, notice) {
      let sent: boolean;
      try {
        sent = target.startsWith("channel:") ? await teams.sendToConversation(target.slice("channel:".length), [notice]) : await teams.sendToPerson(target.slice("person:".length), [notice]);
      } catch (error) {
        throw asDeliveryFailure(error);
      }
      if (!sent) throw new DeliveryFailure("the bot has no conversation with this target in Teams");
    },
  };
}

function asDeliveryFailure(error: unknown): DeliveryFailure {
  const rest = error as { statusCode?: number; message?: string; response?: { headers?: { get?(name: string): string | undefined } } };
  const retryAfter = Number(rest.response?.headers?.get?.("retry-after"));
  const message = rest.statusCode ? `Teams answered ${rest.statusCode}: ${rest.message ?? ""}` : (rest.message ?? String(error));
  return new DeliveryFailure(message, rest.statusCode === 429 && Number.isFinite(retryAfter) ? retryAfter * 1000 : undefined);
}
