// Audits and management reviews after they are scheduled, in chat: "REV-0001" shows one with its
// findings, "audit REV-0001 results" (or "record results REV-0001") records how it went, and
// "review inputs REV-0002" (or "prepare review REV-0002") assembles what a management review considers.
import type { PrismaClient } from "../generated/prisma/client.js";
import { can, refusalText } from "../domain/accessPolicy.js";
import { reviewKindLabels, reviewStatusLabels } from "../domain/labels.js";
import { nonconformityStatusLabels } from "../domain/nonconformity.js";
import { useCaseMessages, useCaseRefusal, type TextUseCases, type UseCaseOutcome, viewerOf } from "../conversations/useCaseOutcome.js";
import { recordReviewResultsFlowId } from "./flows/reviewFlows.js";
import type { Turn } from "../conversations/messages.js";
import { parseReviewCommand } from "./reviewCommandWords.js";
import { auditProgrammeLines } from "./auditProgrammeLines.js";
import { prepareManagementReview } from "./managementReviewInputs.js";
import { reviewDossier } from "./reviewRecords.js";
import { displayDateOr } from "../domain/dateDisplay.js";

const dateOnly = (date: Date | null) => displayDateOr(date, "—");

export class ReviewUseCases implements TextUseCases {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => Date,
  ) {}

  async handleText(text: string, turn: Turn): Promise<UseCaseOutcome | null> {
    const command = parseReviewCommand(text);
    if (!command) return null;
    const review = await reviewDossier(this.prisma, command.reference);
    if (!review) return useCaseRefusal(`There is no audit or review ${command.reference}. Type "schedule" to see the planned ones.`);
    const viewer = viewerOf(turn);
    switch (command.kind) {
      case "results":
        if (!can(viewer, "edit", "review", { leadId: review.leadId })) return useCaseRefusal(refusalText("edit", "review"));
        if (review.status === "cancelled") return useCaseRefusal(`${review.reference} was cancelled; there are no results to record.`);
        return { start: { flowId: recordReviewResultsFlowId, prefill: { review: review.reference } } };
      case "inputs": {
        if (!can(viewer, "view", "review", { leadId: review.leadId })) return useCaseRefusal(refusalText("view", "review"));
        if (review.kind !== "management_review") return useCaseRefusal(`${review.reference} is an internal audit; inputs are assembled for management reviews.`);
        const prepared = await prepareManagementReview(this.prisma, review.reference, this.clock());
        return useCaseMessages({ kind: "text", text: prepared!.markdown });
      }
      case "show": {
        if (!can(viewer, "view", "review", { leadId: review.leadId })) return useCaseRefusal(refusalText("view", "review"));
        const lines = [
          `${reviewKindLabels[review.kind]} ${review.reference}: ${review.scope}`,
          `Status: ${reviewStatusLabels[review.status]}. Scheduled ${dateOnly(review.scheduledOn)}${review.heldOn ? `, held ${dateOnly(review.heldOn)}` : ""}; led by ${review.lead?.displayName ?? "nobody"}.`,
          ...(await auditProgrammeLines(this.prisma, review)),
          ...(review.attendees.length > 0 ? [`Attendees: ${review.attendees.join(", ")}.`] : []),
          ...(review.conclusion ? [`Conclusion: ${review.conclusion}`] : []),
          review.nonconformities.length === 0
            ? "No nonconformities raised from it."
            : `Nonconformities: ${review.nonconformities.map((nc) => `${nc.reference} (${nc.requirement}, ${nonconformityStatusLabels[nc.status].toLowerCase()})`).join(", ")}.`,
          review.status === "planned" ? `Once it has been held: "${review.kind === "internal_audit" ? "audit" : "review"} ${review.reference} results".` : `A finding: "nonconformity ${review.reference}".`,
        ];
        return useCaseMessages({ kind: "text", text: lines.join("\n") });
      }
    }
  }
}
