// `aims chat [--as member|owner|governance|<name or email>]`: try the bot in the terminal.
import { runTerminalChat } from "../../channels/terminal/terminalChat.js";
import { personaOf } from "../../channels/localChat/personas.js";
import { createConversationEngine } from "../../conversationEngine.js";
import { loadDemoOrganisation } from "../../demo/loadDemoOrganisation.js";
import { CliError, withStore } from "../cliContext.js";

export async function chat(options: { as: string }): Promise<void> {
  await withStore(async (store, database, config) => {
    if ((await store.people.list()).length === 0) await loadDemoOrganisation(store);
    const people = await store.people.list();
    const wanted = options.as.toLowerCase();
    const person =
      people.find((candidate) => personaOf(candidate.roles) === wanted) ??
      people.find((candidate) => candidate.email?.toLowerCase() === wanted || candidate.displayName.toLowerCase().includes(wanted));
    if (!person) {
      throw new CliError(`Nobody matches "${options.as}". Use member, owner, governance, or a name or email from the directory.`);
    }
    const engine = createConversationEngine(database.prisma, { reviewIntervals: config.reviewIntervals, draftTtlMs: config.draftTtlMs, policyDir: config.policyDir });
    await runTerminalChat({
      engine,
      store,
      speaker: { personId: person.id, displayName: person.displayName, roles: person.roles },
      input: process.stdin,
      output: process.stdout,
    });
  });
}
