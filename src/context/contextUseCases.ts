// "context" in chat: the internal and external issues and the interested parties; "add issue" and
// "add interested party" start their conversations (governance).
import type { PrismaClient } from "../generated/prisma/client.js";
import { can } from "../domain/accessPolicy.js";
import { useCaseMessages, useCaseRefusal, viewerOf, type TextUseCases, type UseCaseOutcome } from "../conversations/useCaseOutcome.js";
import type { Turn } from "../conversations/messages.js";
import { contextForReview } from "./contextRegister.js";
import { contextIssueFlowId, interestedPartyFlowId } from "./flows/contextFlows.js";
import { displayDate } from "../domain/dateDisplay.js";

export class ContextUseCases implements TextUseCases {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => Date,
  ) {}

  async handleText(text: string, turn: Turn): Promise<UseCaseOutcome | null> {
    const typed = text.trim().toLowerCase().replace(/^\//, "").replace(/[.!?]+$/, "").replace(/\s+/g, " ");
    if (/^add (context )?issue$/.test(typed)) return { start: { flowId: contextIssueFlowId, prefill: {} } };
    if (/^add interested party$/.test(typed)) return { start: { flowId: interestedPartyFlowId, prefill: {} } };
    const edit = /^(?:edit|update|review) (ctx|ip)[-\s]?(\d{1,6})$/.exec(typed);
    if (edit) return this.edit(`${edit[1]!.toUpperCase()}-${edit[2]!.padStart(4, "0")}`, turn);
    if (!/^(context|interested parties|context issues)$/.test(typed)) return null;
    if (!can(viewerOf(turn), "view", "context")) return useCaseRefusal("Only the governance team, auditors and managers can see the organisation's context.");
    const context = await contextForReview(this.prisma, this.clock(), this.clock());
    return useCaseMessages({
      kind: "record_list",
      title: "Context of the AI management system",
      items: [
        ...context.issues.map((issue) => ({ reference: issue.reference, text: `${issue.kind === "internal" ? "Internal" : "External"}: ${issue.description} · effect: ${issue.effect} · review ${displayDate(issue.reviewOn)}${issue.reviewDue ? " (due)" : ""}` })),
        ...context.parties.map((party) => ({ reference: party.reference, text: `${party.name} · requires: ${party.requirements} · source: ${party.source} · review ${displayDate(party.reviewOn)}${party.reviewDue ? " (due)" : ""}` })),
      ],
      note: 'Governance: "add issue" or "add interested party" records one; "edit CTX-0001" or "edit IP-0001" changes or reviews one.',
    });
  }

  /** The record's answers filled in, but its review date: editing is also how it is reviewed. */
  private async edit(reference: string, turn: Turn): Promise<UseCaseOutcome> {
    if (!can(viewerOf(turn), "create", "context")) return useCaseRefusal("Only the governance team can record the organisation's context and interested parties.");
    if (reference.startsWith("CTX")) {
      const issue = await this.prisma.contextIssue.findUnique({ where: { reference } });
      if (!issue) return useCaseRefusal(`There is no context issue ${reference}. Type "context" to see them.`);
      return { start: { flowId: contextIssueFlowId, prefill: { reference, kind: issue.kind, description: issue.description, effect: issue.effect } } };
    }
    const party = await this.prisma.interestedParty.findUnique({ where: { reference } });
    if (!party) return useCaseRefusal(`There is no interested party ${reference}. Type "context" to see them.`);
    return { start: { flowId: interestedPartyFlowId, prefill: { reference, name: party.name, requirements: party.requirements, source: party.source } } };
  }
}
