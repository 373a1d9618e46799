import { isGovernance } from "../../domain/accessPolicy.js";
import { defineCommand } from "../../conversations/commands/chatCommand.js";
import { viaUseCase } from "../../conversations/commands/viaUseCase.js";

/** The learning loop's commands: questions the policy did not answer, and the team's curated answers. */
export const policyQuestions = defineCommand({
  name: "policy_questions",
  group: "Compliance",
  usage: "policy questions | policy answers | answer PQ-0001 | edit PA-0001 | retire PA-0001",
  help: "policy questions waiting for the governance team's answer, and the curated answers",
  verbs: ["policy", "answer", "edit", "retire"],
  matches: (text) => /^(policy questions?|(policy|curated) answers?)$/.test(text) || /^(answer|edit|retire) (pq|pa)-\d{1,6}$/.test(text),
  allowed: isGovernance,
  run: viaUseCase((use) => use.policyQuestions),
});
