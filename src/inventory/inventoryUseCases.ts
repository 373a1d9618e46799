// "unconfirmed" in chat, for the governance team: imported inventory entries whose owners have not
// confirmed or completed them yet, by owner, so they can be chased.
import type { PrismaClient } from "../generated/prisma/client.js";
import { can } from "../domain/accessPolicy.js";
import { useCaseMessages, useCaseRefusal, viewerOf, type TextUseCases, type UseCaseOutcome } from "../conversations/useCaseOutcome.js";
import type { Turn } from "../conversations/messages.js";
import { unconfirmedImports } from "./inventoryImport.js";

export class InventoryUseCases implements TextUseCases {
  constructor(private readonly prisma: PrismaClient) {}

  async handleText(text: string, turn: Turn): Promise<UseCaseOutcome | null> {
    const typed = text.trim().toLowerCase().replace(/^\//, "").replace(/[.!?]+$/, "");
    if (!/^(unconfirmed( systems)?|import status|imported systems)$/.test(typed)) return null;
    if (!can(viewerOf(turn), "export", "ai_system")) return useCaseRefusal("Only the governance team and auditors can see who has not confirmed their imported systems.");
    const waiting = await unconfirmedImports(this.prisma);
    return useCaseMessages({
      kind: "record_list",
      title: "Imported AI systems not yet confirmed by their owners",
      items: waiting.map((system) => ({
        reference: system.reference,
        text: `${system.name} · ${system.owner?.displayName ?? "no owner"} (${system.owner?.email ?? "no e-mail"}) · ${system.status === "draft" ? "incomplete" : "awaiting confirmation"}`,
      })),
      note: waiting.length === 0 ? "Every imported entry has been confirmed or completed by its owner." : `${waiting.length} not answered yet.`,
    });
  }
}
