// The conversation engine as the configuration asks for it: the policy assistant, the OpenAI helpers
// when a key is set, the review intervals, the digest's time zone and the notice routes. The service
// and the terminal chat (`aims chat`) both build it here, so a question gets the same answer in each.
import type { DriverQueries } from "./store/driverQueries.js";
import type { Config } from "./config/config.js";
import type { PrismaClient } from "./generated/prisma/client.js";
import type { Logger } from "./logging/logger.js";
import type { ConversationEngine } from "./conversations/engine.js";
import { createConversationEngine } from "./conversationEngine.js";
import type { PolicyAssistant } from "./policy/policyAssistant.js";
import { policyAnswerer, policyFeedbackRecorder } from "./policy/policyAnswers.js";
import type { PromptName } from "./policy/prompts.js";
import { messageClassifier } from "./language/messageClassifier.js";
import { incidentPrefiller } from "./language/incidentPrefill.js";

export function configuredEngine(
  config: Config,
  prisma: PrismaClient,
  /** Without a policy assistant (no policy folder, in `aims chat`), questions get the menu's answer. */
  parts: { policy?: PolicyAssistant; prompts: Record<PromptName, string>; logger: Logger; sql?: DriverQueries },
): ConversationEngine {
  const { policy, prompts, logger } = parts;
  return createConversationEngine(prisma, {
    reviewIntervals: config.reviewIntervals,
    attestationMonths: config.reminders.attestationMonths,
    digestTimeZone: config.digest.timeZone,
    policyDir: config.policyDir,
    dates: config.dates,
    noticeRoutes: config.routes,
    draftTtlMs: config.draftTtlMs,
    logger,
    ...(parts.sql ? { sql: parts.sql } : {}),
    ...(policy ? { answerQuestion: policyAnswerer(policy, prisma), policyFeedback: policyFeedbackRecorder(prisma) } : {}),
    ...(config.openai ? { proposeIncident: incidentPrefiller({ ...config.openai, prompt: prompts["incident-prefill"], logger }) } : {}),
    ...(config.openai ? { classifyMessage: messageClassifier({ ...config.openai, prompt: prompts["message-route"], logger }) } : {}),
  });
}
