// What people call a system besides its name ("CV screener" for Workday Recruiting Candidate
// Screening): the names the system questions find it by. Its owner or the governance team adds and
// removes them in chat; each change is kept in the system's change history, and "aliases AIS-0003"
// shows the names with who changed them and when.
import type { PrismaClient } from "../generated/prisma/client.js";
import { can } from "../domain/accessPolicy.js";
import { displayDate } from "../domain/dateDisplay.js";
import { AiSystemStore, aiSystemEntity } from "../store/aiSystems.js";
import type { Turn } from "../conversations/messages.js";
import { actorOfTurn, useCaseMessages, useCaseRefusal, viewerOf, type TextUseCases, type UseCaseOutcome } from "../conversations/useCaseOutcome.js";

/** How to change them, with the system's own reference and a quoted name, as people type it. */
const usage = (reference = "AIS-0003") => `To change them: aliases ${reference} add "CV screener", or aliases ${reference} remove "CV screener".`;
const longestAlias = 120;
const historyShown = 5;

type AliasCommand = { reference: string; verb: "show" } | { reference: string; verb: "add" | "remove"; alias: string };

/** "aliases ais-3 add "CV screener"" → AIS-0003, add, CV screener; quotes are optional. */
export function readAliasCommand(text: string): AliasCommand | "unreadable" | null {
  const typed = /^aliases?\s+ais[-\s]?(\d{1,6})(?:\s+(add|remove)\s+(.*))?$/i.exec(text.trim().replace(/^\//, ""));
  if (!typed) return /^aliases?\b/i.test(text.trim().replace(/^\//, "")) ? "unreadable" : null;
  const reference = `AIS-${typed[1]!.padStart(4, "0")}`;
  if (!typed[2]) return { reference, verb: "show" };
  const alias = typed[3]!.trim().replace(/^["“'‘](.*)["”'’]$/, "$1").trim().replace(/\s+/g, " ");
  return { reference, verb: typed[2].toLowerCase() as "add" | "remove", alias };
}

const quoted = (aliases: string[]) => aliases.map((alias) => `"${alias}"`).join(", ");

export class SystemAliasUseCases implements TextUseCases {
  constructor(private readonly prisma: PrismaClient) {}

  async handleText(text: string, turn: Turn): Promise<UseCaseOutcome | null> {
    const command = readAliasCommand(text);
    if (command === null) return null;
    if (command === "unreadable") return useCaseRefusal(`I couldn't read "${text.trim()}". Type "aliases AIS-0003" to see a system's aliases. ${usage()}`);
    const system = await this.prisma.aiSystem.findUnique({ where: { reference: command.reference }, include: { owner: { select: { displayName: true } } } });
    if (!system) return useCaseRefusal(`${command.reference} is not in the AI system inventory.`);
    if (command.verb === "show") return this.show(system);
    if (!can(viewerOf(turn), "edit", "ai_system", { ownerId: system.ownerId })) {
      return useCaseRefusal(`Only ${system.owner ? `its owner, ${system.owner.displayName},` : "its owner"} or the governance team can change the aliases of ${system.reference}.`);
    }
    return command.verb === "add" ? this.add(system, command.alias, turn) : this.remove(system, command.alias, turn);
  }

  private async add(system: { reference: string; name: string; aliases: string[] }, alias: string, turn: Turn): Promise<UseCaseOutcome> {
    if (alias.length < 2) return useCaseRefusal(`Please give the alias in a few letters at least, e.g. aliases ${system.reference} add "CV screener".`);
    if (alias.length > longestAlias) return useCaseRefusal(`An alias is a short name people use: at most ${longestAlias} characters (this one has ${alias.length}).`);
    if (system.aliases.some((known) => known.toLowerCase() === alias.toLowerCase()) || system.name.toLowerCase() === alias.toLowerCase()) {
      return useCaseRefusal(`${system.reference} is already found by "${alias}".`);
    }
    const taken = await this.prisma.aiSystem.findFirst({
      where: { reference: { not: system.reference }, status: { not: "retired" }, OR: [{ aliases: { has: alias } }, { name: { equals: alias, mode: "insensitive" } }] },
      select: { reference: true, name: true },
    });
    if (taken) return useCaseRefusal(`"${alias}" already names ${taken.reference} ${taken.name}; one alias can point to one system only.`);
    const aliases = [...system.aliases, alias];
    await new AiSystemStore(this.prisma).update(system.reference, { aliases }, actorOfTurn(turn));
    return useCaseMessages({ kind: "text", text: `${system.reference} ${system.name} is now also found as "${alias}". Its aliases: ${quoted(aliases)}.` });
  }

  private async remove(system: { reference: string; name: string; aliases: string[] }, alias: string, turn: Turn): Promise<UseCaseOutcome> {
    const kept = system.aliases.filter((known) => known.toLowerCase() !== alias.toLowerCase());
    if (kept.length === system.aliases.length) {
      return useCaseRefusal(`${system.reference} has no alias "${alias}". ${system.aliases.length > 0 ? `Its aliases: ${quoted(system.aliases)}.` : "It has no aliases."}`);
    }
    await new AiSystemStore(this.prisma).update(system.reference, { aliases: kept }, actorOfTurn(turn));
    return useCaseMessages({ kind: "text", text: `"${alias}" no longer finds ${system.reference} ${system.name}. ${kept.length > 0 ? `Its aliases: ${quoted(kept)}.` : "It has no aliases now."}` });
  }

  /** The aliases, and who changed them when (newest first), from the change history. */
  private async show(system: { id: string; reference: string; name: string; aliases: string[] }): Promise<UseCaseOutcome> {
    const changes = await this.prisma.changeLog.findMany({ where: { entityType: aiSystemEntity, entityId: system.id }, orderBy: { id: "desc" } });
    const history = changes
      .map((change) => ({ change, aliases: (change.changes as Record<string, { from?: unknown; to?: unknown }>).aliases }))
      .filter((entry) => entry.aliases !== undefined)
      .slice(0, historyShown)
      .map(({ change, aliases }) => `• ${displayDate(change.at)}, ${change.actorLabel}: ${aliasChange(aliases!.from, aliases!.to)}`);
    return useCaseMessages({
      kind: "text",
      text: [
        `${system.reference} ${system.name} is ${system.aliases.length > 0 ? `also called ${quoted(system.aliases)}` : "known by its name only: no aliases"}.`,
        ...(history.length > 0 ? ["Changes:", ...history] : []),
        usage(system.reference),
      ].join("\n"),
    });
  }
}

/** "added "CV screener"", "removed "screener"", from the stored before and after lists. */
function aliasChange(from: unknown, to: unknown): string {
  const before = Array.isArray(from) ? (from as string[]) : [];
  const after = Array.isArray(to) ? (to as string[]) : [];
  const added = after.filter((alias) => !before.includes(alias));
  const removed = before.filter((alias) => !after.includes(alias));
  return [added.length > 0 ? `added ${quoted(added)}` : "", removed.length > 0 ? `removed ${quoted(removed)}` : ""].filter(Boolean).join("; ") || "set the aliases";
}
