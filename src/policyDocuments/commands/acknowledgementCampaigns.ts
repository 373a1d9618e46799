import { can } from "../../domain/accessPolicy.js";
import { defineCommand, typedAs } from "../../conversations/commands/chatCommand.js";
import { ref, viaUseCase } from "../../conversations/commands/viaUseCase.js";

export const acknowledgementCampaigns = defineCommand({
  name: "campaigns",
  group: "Compliance",
  usage: "campaigns (campaign POL-0001 to start one, campaign ACK-0001 to see who has read it, close campaign ACK-0001)",
  help: "ask people to acknowledge a policy, and see who has and has not",
  verbs: ["campaigns", "campaign"],
  matches: typedAs(String.raw`^((acknowledgement )?campaigns|campaign (${ref("pol")}|${ref("ack")})|close (campaign )?${ref("ack")}|campaign ${ref("ack")} close)$`),
  allowed: (viewer) => can(viewer, "view", "acknowledgement_campaign"),
  run: viaUseCase((use) => use.policyDocuments),
});
