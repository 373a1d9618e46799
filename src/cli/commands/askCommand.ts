// `aims ask "<question>" [--json]`: the policy assistant from the command line.
import { loadAllPrompts } from "../../policy/prompts.js";
import { policyAssistantFor } from "../../policy/policyAssistant.js";
import { cliConfig } from "../cliContext.js";

export async function ask(question: string, options: { json?: boolean }): Promise<void> {
  const config = cliConfig();
  const assistant = policyAssistantFor(config, loadAllPrompts()["policy-answer"]);
  const answer = await assistant.ask(question);
  const result = { answered: answer.answered, answer: answer.answer, citations: answer.citations };
  if (options.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  console.log(answer.answer);
  for (const citation of answer.citations) console.log(`  — ${citation.document} §${citation.section} ${citation.heading}`);
}
