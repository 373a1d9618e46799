// `aims ask "<question>" [--json]`: the policy assistant from the command line. Policy files that
// could not be read are listed (in the JSON as "unreadableDocuments"), so that a question going
// unanswered because its document was skipped is explained.
import { loadAllPrompts } from "../../policy/prompts.js";
import { policyAssistantFor } from "../../policy/policyAssistant.js";
import { PolicyDirMissingError } from "../../policy/policyCorpus.js";
import { citationLabel } from "../../policy/policyExtracts.js";
import { CliError, cliConfig } from "../cliContext.js";

export async function ask(question: string, options: { json?: boolean }): Promise<void> {
  const config = cliConfig();
  const assistant = (() => {
    try {
      return policyAssistantFor(config, loadAllPrompts()["policy-answer"]);
    } catch (error) {
      throw error instanceof PolicyDirMissingError ? new CliError(error.message) : error;
    }
  })();
  const answer = await assistant.ask(question);
  const { problems } = await assistant.diagnostics();
  const result = {
    answered: answer.answered,
    answer: answer.answer,
    citations: answer.citations,
    ...(answer.confidence ? { confidence: answer.confidence } : {}),
    ...(problems.length > 0 ? { unreadableDocuments: problems } : {}),
  };
  if (options.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  console.log(answer.answer);
  for (const citation of answer.citations) console.log(`  — ${citationLabel(citation)}`);
  for (const { file, problem } of problems) console.error(`Not used: ${file}: ${problem}`);
}
