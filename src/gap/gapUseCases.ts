// Gap analysis in chat: "gap analysis" starts one (from the previous answers when there are some;
// "gap analysis fresh" from empty ones), "gap report" shows where the latest one stands.
import type { PrismaClient } from "../generated/prisma/client.js";
import { can, refusalText } from "../domain/accessPolicy.js";
import { useCaseMessages, useCaseRefusal, type TextUseCases, type UseCaseOutcome } from "../conversations/useCaseOutcome.js";
import { gapAnalysisFlowId, gapAnalysisPrefill, recordsKey } from "./flows/gapAnalysisFlow.js";
import type { Turn } from "../conversations/messages.js";
import { buildGapReport, gapReportMessages, recordsBehindClauses } from "./gapReport.js";

const analysisCommand = /^(?:run\s+|start\s+|new\s+)?(?:a\s+)?gap\s+analysis(\s+fresh)?$/;
const reportCommand = /^(?:gap\s+report|gaps|gap\s+analysis\s+report)$/;

export class GapUseCases implements TextUseCases {
  constructor(private readonly prisma: PrismaClient) {}

  async handleText(text: string, turn: Turn): Promise<UseCaseOutcome | null> {
    const typed = text.trim().toLowerCase().replace(/^\//, "").replace(/^aims\s+/, "").replace(/[.!?]+$/, "").replace(/\s+/g, " ");
    if (reportCommand.test(typed)) return this.report(turn);
    const analysis = analysisCommand.exec(typed);
    return analysis ? this.analysis(turn, Boolean(analysis[1])) : null;
  }

  private async report(turn: Turn): Promise<UseCaseOutcome> {
    if (!can(turn.speaker, "view", "gap_analysis")) return useCaseRefusal(refusalText("view", "gap_analysis"));
    return useCaseMessages(...gapReportMessages(await buildGapReport(this.prisma)));
  }

  private async analysis(turn: Turn, fresh: boolean): Promise<UseCaseOutcome> {
    if (!can(turn.speaker, "create", "gap_analysis")) return useCaseRefusal(refusalText("create", "gap_analysis"));
    const records = { [recordsKey]: await recordsBehindClauses(this.prisma) };
    if (fresh) return { start: { flowId: gapAnalysisFlowId, prefill: records } };
    const latest = await this.prisma.gapAnalysis.findFirst({
      orderBy: [{ createdAt: "desc" }, { reference: "desc" }],
      include: { findings: { include: { owner: { select: { id: true, displayName: true } } } } },
    });
    const previous = latest && {
      reference: latest.reference,
      findings: latest.findings.map((finding) => ({
        clauseId: finding.clauseId,
        status: finding.status,
        note: finding.note,
        owner: finding.owner ? { personId: finding.owner.id, displayName: finding.owner.displayName } : null,
      })),
    };
    return { start: { flowId: gapAnalysisFlowId, prefill: { ...gapAnalysisPrefill(previous), ...records } } };
  }
}
