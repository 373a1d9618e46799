import { couldAct } from "../../domain/accessPolicy.js";
import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { viaUseCase } from "../../conversations/commands/viaUseCase.js";
import { parseReviewCommand } from "../reviewCommandWords.js";

export const reviewRecord = defineCommand({
  name: "review",
  group: "Audits, reviews and evidence",
  usage: "review inputs REV-0001 · REV-0001 results",
  help: "an audit or review: its inputs, or record its results",
  verbs: ["review", "audit"],
  allowed: (viewer) => couldAct(viewer, "view", "review"),
  matches: (text) => parseReviewCommand(text) !== null,
  run: viaUseCase((use) => use.reviews),
});
