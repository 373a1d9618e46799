// `aims doctor`: what the service would work with, checked without starting it. For now the
// policy documents: the folder, each document read and its passages, and every file not used and why.
import { policyAssistantFor } from "../../policy/policyAssistant.js";
import { PolicyDirMissingError } from "../../policy/policyCorpus.js";
import { loadAllPrompts } from "../../policy/prompts.js";
import { CliError, cliConfig } from "../cliContext.js";

export async function doctor(options: { json?: boolean }): Promise<void> {
  const config = cliConfig();
  let assistant;
  try {
    assistant = policyAssistantFor(config, loadAllPrompts()["policy-answer"]);
  } catch (error) {
    throw error instanceof PolicyDirMissingError ? new CliError(error.message) : error;
  }
  const diagnostics = await assistant.diagnostics();
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ policies: diagnostics })}\n`);
  } else {
    console.log(`Policy documents in ${diagnostics.policyDir}: ${diagnostics.documents.length} read, ${diagnostics.passages} sections.`);
    for (const document of diagnostics.documents) console.log(`  ok   ${document.file} (${document.passages} sections)`);
    for (const { file, problem } of diagnostics.problems) console.log(`  not used  ${file}: ${problem}`);
  }
  if (diagnostics.documents.length === 0 || diagnostics.problems.length > 0) process.exitCode = 1;
}
