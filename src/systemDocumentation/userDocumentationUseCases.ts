// "docs AIS-0004 https://…": records where an AI system's users and the people it affects are told
// about it (A.8.2); "docs AIS-0004" says what is recorded. The owner or governance may set it.
import type { PrismaClient } from "../generated/prisma/client.js";
import { can } from "../domain/accessPolicy.js";
import { AiSystemStore } from "../store/aiSystems.js";
import { actorOfTurn, useCaseMessages, useCaseRefusal as refusal, viewerOf, type TextUseCases, type UseCaseOutcome } from "../conversations/useCaseOutcome.js";
import type { Turn } from "../conversations/messages.js";

/** "docs AIS-4", "user docs AIS-0004 <link>", "system AIS-0004 docs <link>". */
const request = /^(?:(?:user\s+)?(?:docs|documentation)\s+(ais[-\s]?\d{1,6})|system\s+(ais[-\s]?\d{1,6})\s+(?:user\s+)?(?:docs|documentation))(?:\s+(\S.*))?$/i;

export const isUserDocumentationRequest = (text: string) => request.test(text.trim());

const systemReference = (typed: string) => `AIS-${typed.replace(/\D/g, "").padStart(4, "0")}`;

/** The system view's line about its user documentation. */
export const userDocumentationLine = (system: { reference: string; userDocumentationUrl: string | null }) =>
  system.userDocumentationUrl
    ? `User documentation: ${system.userDocumentationUrl}`
    : `User documentation: none recorded (docs ${system.reference} <link> records what its users and the people it affects are told).`;

export class UserDocumentationUseCases implements TextUseCases {
  constructor(private readonly prisma: PrismaClient) {}

  async handleText(text: string, turn: Turn): Promise<UseCaseOutcome | null> {
    const match = request.exec(text.trim());
    if (!match) return null;
    const reference = systemReference((match[1] ?? match[2])!);
    const system = await this.prisma.aiSystem.findUnique({ where: { reference }, include: { owner: { select: { displayName: true } } } });
    if (!system) return refusal(`${reference} is not in the AI system inventory.`);
    const link = match[3]?.trim();
    if (!link) return useCaseMessages({ kind: "text", text: `${reference} ${system.name}. ${userDocumentationLine(system)}` });
    if (!can(viewerOf(turn), "edit", "ai_system", { ownerId: system.ownerId })) {
      return refusal(`Only ${system.owner ? `its owner, ${system.owner.displayName},` : "its owner"} or the governance team can record ${reference}'s user documentation.`);
    }
    if (!isWebLink(link)) return refusal(`"${link}" is not a link. Please give the full address of the documentation, starting with https://, e.g. "docs ${reference} https://help.example.com/ai/claims".`);
    await new AiSystemStore(this.prisma).update(reference, { userDocumentationUrl: link }, actorOfTurn(turn));
    return useCaseMessages({ kind: "text", text: `${reference} ${system.name}: user documentation recorded (${link}). It is shown on the system and in the inventory export.` });
  }
}

function isWebLink(text: string): boolean {
  if (/\s/.test(text) || text.length > 2000) return false;
  try {
    return ["https:", "http:"].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}
