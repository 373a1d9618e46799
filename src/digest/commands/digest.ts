import { can } from "../../domain/accessPolicy.js";
import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { viaUseCase } from "../../conversations/commands/viaUseCase.js";
import { askedAs } from "../../conversations/commands/askedFor.js";

export const digest = defineCommand({
  name: "digest",
  group: "Audits, reviews and evidence",
  usage: "digest [subscribe | unsubscribe]",
  help: "this week's governance digest; in a channel, (un)subscribe it to the Monday digest",
  verbs: ["digest"],
  askedFor: [askedAs(/\bdigest\b/, "digest", 90)],
  matches: (text) => /^(weekly )?digest( preview)?$/.test(text),
  allowed: (viewer) => can(viewer, "view", "digest"),
  refusal: "The governance digest is for managers and the governance team.",
  run: viaUseCase((use) => use.digest),
});
