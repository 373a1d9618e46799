// What every Slack listener needs, built once by the channel.
import type { ConversationEngine } from "../../conversations/engine.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Logger } from "../../logging/logger.js";
import type { InboundDeliveryStore } from "../../store/inboundDeliveries.js";
import type { Store } from "../../store/store.js";
import type { SetupCheck } from "../../setup/setupChecks.js";
import type { SlackConversations } from "./slackConversations.js";
import type { SuggestedQuestions } from "../../policy/suggestedQuestions.js";

export interface SlackContext {
  engine: ConversationEngine;
  store: Store;
  prisma: PrismaClient;
  logger: Logger;
  deliveries: InboundDeliveryStore;
  conversations: SlackConversations;
  /** Optional channel where governance notices are posted (reference and severity only when confidential). */
  governanceChannel?: string;
  /** What the installation still lacks: governance members see it as a checklist in App Home. */
  openSetupItems?: () => Promise<SetupCheck[]>;
  /** The policy questions offered when someone opens a thread in Slack's AI assistant view. */
  suggestedQuestions?: (limit: number) => Promise<SuggestedQuestions>;
}
