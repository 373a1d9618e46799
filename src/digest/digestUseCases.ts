// "digest" in any chat: this week's governance digest on demand, for managers and the governance
// team (the same figures the Monday message carries).
import { can, isGovernance } from "../domain/accessPolicy.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { useCaseMessages, useCaseRefusal, type TextUseCases, type UseCaseOutcome, viewerOf } from "../conversations/useCaseOutcome.js";
import type { Turn } from "../conversations/messages.js";
import { digestNotice } from "./digestNotice.js";
import { buildWeeklyDigest } from "./buildWeeklyDigest.js";

export class DigestUseCases implements TextUseCases {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => Date,
    private readonly settings: { timeZone: string; attestationMonths: number },
  ) {}

  async handleText(text: string, turn: Turn): Promise<UseCaseOutcome | null> {
    if (!/^\/?(weekly\s+)?digest(\s+preview)?[.!?]?$/i.test(text.trim())) return null;
    if (!can(viewerOf(turn), "view", "digest")) return useCaseRefusal("The governance digest is for managers and the governance team.");
    const digest = await buildWeeklyDigest(this.prisma, { now: this.clock(), ...this.settings });
    // A governance member reads the governance copy; a manager the manager's (confidential items counted).
    const notice = digestNotice(digest, isGovernance(viewerOf(turn)) ? "governance" : "manager");
    return useCaseMessages({ kind: "notice", subject: notice.subject, text: notice.text, actions: [] });
  }
}
