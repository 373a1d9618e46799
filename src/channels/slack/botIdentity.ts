// The bot's own identity (its user and bot ids), which Bolt needs to ignore the bot's own messages.
// Given only a token, Bolt asks Slack (auth.test) while it is being constructed and keeps the
// promise; when Slack is unreachable at start, that promise fails with no one waiting on it, and
// the unhandled rejection ends the process. Here the question is asked when the first request
// arrives, kept once answered, and asked again at the next request after a failure.
import type { Authorize } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";

interface Identity {
  botId?: string;
  botUserId?: string;
}

export function botIdentityAuthorization(botToken: string, client: () => WebClient): Authorize<boolean> {
  let identity: Promise<Identity> | undefined;
  const ask = async (): Promise<Identity> => {
    const answer = await client().auth.test({ token: botToken });
    return { ...(answer.bot_id ? { botId: answer.bot_id } : {}), ...(answer.user_id ? { botUserId: answer.user_id } : {}) };
  };
  return async () => {
    identity ??= ask().catch((error: unknown) => {
      identity = undefined;
      throw error;
    });
    return { botToken, ...(await identity) };
  };
}
