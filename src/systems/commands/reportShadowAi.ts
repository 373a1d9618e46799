import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { flowIds } from "../../conversations/flowIds.js";

export const reportShadowAi = defineCommand({
  name: "shadow",
  group: "Report and register",
  usage: "shadow AI",
  help: "report an AI tool you have seen in use that may not be registered",
  verbs: ["shadow"],
  route: "report_shadow_ai",
  matches: (text) => /^(report )?(an? )?(shadow ai|(unregistered|unapproved) (ai )?(tool|system|app))$/.test(text),
  run: async () => ({ start: { flowId: flowIds.reportShadowAi, prefill: {} } }),
});
