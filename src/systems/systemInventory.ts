// "my systems": the AI systems a person owns; the governance team and auditors see the whole
// inventory (they keep and check it). Retired systems are left out.
import type { PrismaClient } from "../generated/prisma/client.js";
import { can, type Viewer } from "../domain/accessPolicy.js";
import { aiSystemStatusLabels, riskTierLabels } from "../domain/labels.js";
import type { OutgoingMessage } from "../conversations/messages.js";
import { displayDate } from "../domain/dateDisplay.js";

/** More than this many in chat is the export's job. */
const listLimit = 40;

export class SystemInventory {
  constructor(private readonly prisma: PrismaClient) {}

  async systemsFor(viewer: Viewer): Promise<OutgoingMessage> {
    const everything = can(viewer, "export", "ai_system");
    const systems = await this.prisma.aiSystem.findMany({
      where: { status: { not: "retired" }, ...(everything ? {} : { ownerId: viewer.personId }) },
      orderBy: { reference: "asc" },
      take: listLimit + 1,
      select: { reference: true, name: true, status: true, riskTier: true, nextReviewDate: true, owner: { select: { displayName: true } } },
    });
    const shown = systems.slice(0, listLimit);
    const more = systems.length > listLimit ? `Showing the first ${listLimit}; "npx aims export systems" has them all.` : undefined;
    return {
      kind: "record_list",
      title: everything ? "The AI system inventory" : "Your AI systems",
      items: shown.map((system) => ({
        reference: system.reference,
        text: [
          system.name,
          aiSystemStatusLabels[system.status],
          system.riskTier ? `${riskTierLabels[system.riskTier]} risk` : null,
          everything ? `owner ${system.owner?.displayName ?? "not yet known"}` : null,
          system.nextReviewDate ? `next review ${displayDate(system.nextReviewDate)}` : null,
        ].filter(Boolean).join(" · "),
      })),
      note: shown.length === 0 ? 'You own no AI systems in the inventory. Type "register" to add one, or "shadow AI" to tell us about a tool you have seen in use.' : more,
    };
  }
}
