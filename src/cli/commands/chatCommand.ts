// `aims chat [--as member|owner|auditor|manager|governance|<name or email>]`: the bot in this terminal,
// built as the service builds it (the policy assistant included), over the same store.
import path from "node:path";
import { pino } from "pino";
import { createLogger } from "../../logging/logger.js";
import { embeddingCache } from "../../store/embeddingCache.js";
import { runTerminalChat } from "../../channels/terminal/terminalChat.js";
import { personaOf } from "../../channels/localChat/personas.js";
import { configuredEngine } from "../../configuredEngine.js";
import { loadDemoOrganisation } from "../../demo/loadDemoOrganisation.js";
import { policyAssistantFor, type PolicyAssistant } from "../../policy/policyAssistant.js";
import { PolicyDirMissingError } from "../../policy/policyCorpus.js";
import { loadAllPrompts } from "../../policy/prompts.js";
import { CliError, withStore } from "../cliContext.js";

export async function chat(options: { as: string; files?: string }): Promise<void> {
  await withStore(async (store, database, config) => {
    if ((await store.people.list()).length === 0) await loadDemoOrganisation(store);
    const person = personToActAs(await store.people.list(), options.as);
    const prompts = loadAllPrompts();
    // Only warnings, on standard error: the conversation is on standard output.
    const logger = createLogger("warn", pino.destination(2));
    const policy = policyAssistantOrWarning(() => policyAssistantFor(config, prompts["policy-answer"], logger, embeddingCache(database.prisma)));
    await runTerminalChat({
      engine: configuredEngine(config, database.prisma, { policy, prompts, logger }),
      store,
      speaker: { personId: person.id, displayName: person.displayName, roles: person.roles },
      input: process.stdin,
      output: process.stdout,
      filesDir: path.resolve(options.files ?? "."),
    });
  });
}

/** The chat still opens without the policy folder (it is read relative to where the command runs); it says so. */
function policyAssistantOrWarning(open: () => PolicyAssistant): PolicyAssistant | undefined {
  try {
    return open();
  } catch (error) {
    if (!(error instanceof PolicyDirMissingError)) throw error;
    console.error(`Policy questions will not be answered in this session: ${error.message}`);
    return undefined;
  }
}

/** A persona picks the first person whose broadest role it is (`member` is never an auditor); otherwise an email or a name. */
function personToActAs<Listed extends { roles: Parameters<typeof personaOf>[0]; email: string | null; displayName: string }>(people: Listed[], wanted: string): Listed {
  const typed = wanted.trim().toLowerCase();
  const person =
    people.find((candidate) => personaOf(candidate.roles) === typed) ??
    people.find((candidate) => candidate.email?.toLowerCase() === typed) ??
    people.find((candidate) => candidate.displayName.toLowerCase().includes(typed));
  if (!person) throw new CliError(`Nobody matches "${wanted}". Use member, owner, auditor, manager, governance, or a name or email from the directory.`);
  return person;
}
