// "readiness" (governance and managers): where the organisation stands on the road to ISO/IEC 42001
// certification, phase by phase, from the records, with the command that fills each gap.
import type { PrismaClient } from "../generated/prisma/client.js";
import { can, refusalText } from "../domain/accessPolicy.js";
import { useCaseMessages, useCaseRefusal, viewerOf, type TextUseCases, type UseCaseOutcome } from "../conversations/useCaseOutcome.js";
import type { Turn } from "../conversations/messages.js";
import { readinessReport, readinessText } from "./readinessReport.js";

export const readinessWords = /^((certification )?readiness|how ready are we|road to certification|are we ready( for certification)?)$/;

export class ReadinessUseCases implements TextUseCases {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => Date,
    private readonly policyDir: string | undefined,
  ) {}

  async handleText(text: string, turn: Turn): Promise<UseCaseOutcome | null> {
    const typed = text.trim().toLowerCase().replace(/^\//, "").replace(/^aims\s+/, "").replace(/[.!?]+$/, "").replace(/\s+/g, " ");
    if (!readinessWords.test(typed)) return null;
    if (!can(viewerOf(turn), "view", "readiness")) return useCaseRefusal(refusalText("view", "readiness"));
    const report = await readinessReport(this.prisma, { policyDir: this.policyDir, now: this.clock() });
    return useCaseMessages({ kind: "text", text: `${readinessText(report)}\n\nThe same stage-1 checklist opens the evidence pack's README ("evidence pack").` });
  }
}
