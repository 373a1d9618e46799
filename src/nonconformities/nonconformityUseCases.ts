// Nonconformities in chat: "nonconformity REV-0001" (or "finding REV-0001") raises one from an audit
// or review, "nonconformity" alone raises one from anywhere else, "nonconformities" lists the open
// ones, "NC-0001" shows one with its corrective actions, and "NC-0001 plan" / "NC-0001 close" (or
// the buttons) start the short flows in flows/nonconformityFlows.ts.
import type { PrismaClient } from "../generated/prisma/client.js";
import { can, refusalText, type Viewer } from "../domain/accessPolicy.js";
import { nonconformityButtons, nonconformitySourceLabels, nonconformityStatusLabels, openNonconformityStatuses, parseNonconformityReference, parseReviewReference } from "../domain/nonconformity.js";
import { actionStatusLabels } from "../domain/labels.js";
import { findRequirement } from "../iso42001/catalog.js";
import { nonconformityDossier, type NonconformityDossier } from "../store/nonconformities.js";
import { useCaseMessages, useCaseRefusal, type TextUseCases, type UseCaseOutcome, type RecordActions, viewerOf } from "../conversations/useCaseOutcome.js";
import { nonconformityFlowIds } from "./flows/nonconformityFlows.js";
import type { OutgoingMessage, Turn } from "../conversations/messages.js";
import { displayDate } from "../domain/dateDisplay.js";

type NonconformityCommand =
  | { kind: "raise"; review: string | null }
  | { kind: "list"; all: boolean }
  | { kind: "act"; reference: string; action: "view" | "plan" | "close" };

const noun = String.raw`(?:nonconformity|non-conformity|finding|nc)`;

export function parseNonconformityCommand(text: string): NonconformityCommand | null {
  const typed = text.trim().replace(/^\//, "").replace(/[.!?]+$/, "");
  const list = /^(?:open\s+)?(?:nonconformities|non-conformities|findings|ncs)(\s+all)?$/i.exec(typed);
  if (list) return { kind: "list", all: Boolean(list[1]) };
  const raise = new RegExp(String.raw`^(?:raise\s+(?:an?\s+)?|new\s+)?${noun}(?:\s+(?:from\s+|for\s+)?(rev[-\s]?\d{1,6}))?$`, "i").exec(typed);
  if (raise) return { kind: "raise", review: raise[1] ? parseReviewReference(raise[1]) : null };
  const one = /^(?:nonconformity\s+)?(nc[-\s]?\d{1,6})(?:\s+(plan|close|view))?$/i.exec(typed);
  if (one) return { kind: "act", reference: parseNonconformityReference(one[1]!)!, action: (one[2]?.toLowerCase() ?? "view") as "view" | "plan" | "close" };
  return null;
}

const dateOnly = (date: Date) => date.toISOString().slice(0, 10);

export class NonconformityUseCases implements TextUseCases, RecordActions {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => Date,
  ) {}

  async handleText(text: string, turn: Turn): Promise<UseCaseOutcome | null> {
    const command = parseNonconformityCommand(text);
    if (!command) return null;
    switch (command.kind) {
      case "raise":
        return this.raise(command.review, turn);
      case "list":
        return this.list(command.all, turn);
      case "act":
        return this.act(command.reference, command.action, turn);
    }
  }

  handles(reference: string): boolean {
    return parseNonconformityReference(reference) !== null;
  }

  async act(reference: string, action: string, turn: Turn): Promise<UseCaseOutcome> {
    const nonconformity = await nonconformityDossier(this.prisma, parseNonconformityReference(reference) ?? reference);
    if (!nonconformity) return useCaseRefusal(`There is no nonconformity ${reference}.`);
    const viewer = viewerOf(turn);
    if (action === "view") {
      if (!can(viewer, "view", "nonconformity", { ownerId: ownsAnAction(nonconformity, viewer) ? viewer.personId : null })) return useCaseRefusal(refusalText("view", "nonconformity"));
      return useCaseMessages(nonconformityView(nonconformity, viewer));
    }
    if (action !== "plan" && action !== "close") return useCaseRefusal(`I don't know the action "${action}".`);
    if (!can(viewer, "edit", "nonconformity")) return useCaseRefusal(refusalText("edit", "nonconformity"));
    if (nonconformity.status === "closed") return useCaseRefusal(`${nonconformity.reference} is already closed.`);
    return { start: { flowId: action === "plan" ? nonconformityFlowIds.plan : nonconformityFlowIds.close, prefill: { nonconformity: nonconformity.reference } } };
  }

  private async raise(reviewReference: string | null, turn: Turn): Promise<UseCaseOutcome> {
    const review = reviewReference ? await this.prisma.scheduledReview.findUnique({ where: { reference: reviewReference } }) : null;
    if (reviewReference && !review) return useCaseRefusal(`There is no audit or review ${reviewReference}.`);
    if (!can(viewerOf(turn), "create", "nonconformity", { leadId: review?.leadId ?? null })) return useCaseRefusal(refusalText("create", "nonconformity"));
    return { start: { flowId: nonconformityFlowIds.raise, prefill: { raisedFrom: review?.reference ?? null } } };
  }

  private async list(all: boolean, turn: Turn): Promise<UseCaseOutcome> {
    if (!can(viewerOf(turn), "view", "nonconformity")) return useCaseRefusal(refusalText("view", "nonconformity"));
    const nonconformities = await this.prisma.nonconformity.findMany({
      where: all ? {} : { status: { in: [...openNonconformityStatuses] } },
      include: { review: { select: { reference: true } }, incident: { select: { reference: true } }, correctiveActions: { select: { status: true, dueDate: true } } },
      orderBy: { reference: "asc" },
      take: 50,
    });
    const today = dateOnly(this.clock());
    return useCaseMessages({
      kind: "record_list",
      title: all ? "All nonconformities" : "Open nonconformities",
      items: nonconformities.map((nc) => {
        const open = nc.correctiveActions.filter((action) => action.status === "open");
        const overdue = open.filter((action) => dateOnly(action.dueDate) < today).length;
        return {
          reference: nc.reference,
          text: [
            `${nc.requirement} · ${nonconformityStatusLabels[nc.status].toLowerCase()}`,
            `from ${nc.review?.reference ?? nc.incident?.reference ?? nonconformitySourceLabels[nc.source].toLowerCase()}`,
            `${open.length} open action${open.length === 1 ? "" : "s"}${overdue > 0 ? ` (${overdue} overdue)` : ""}`,
            shorten(nc.description),
          ].join(" · "),
        };
      }),
      ...(nonconformities.length === 0 ? { note: all ? "No nonconformities are recorded." : 'No open nonconformities. "nonconformities all" shows the closed ones too.' } : {}),
    });
  }
}

const ownsAnAction = (nonconformity: NonconformityDossier, viewer: Viewer) => nonconformity.correctiveActions.some((action) => action.owner.id === viewer.personId);
const shorten = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

export function nonconformityView(nonconformity: NonconformityDossier, viewer: Viewer): OutgoingMessage {
  const requirement = findRequirement(nonconformity.requirement);
  const from = nonconformity.review?.reference ?? nonconformity.incident?.reference;
  const lines = [
    `Against ${nonconformity.requirement}${requirement ? ` ${requirement.title}` : ""}.`,
    `Source: ${nonconformitySourceLabels[nonconformity.source]}${from ? ` ${from}` : ""}; raised by ${nonconformity.raisedBy?.displayName ?? "system"} on ${displayDate(nonconformity.createdAt)}.`,
    `Status: ${nonconformityStatusLabels[nonconformity.status]}${nonconformity.closedAt ? ` on ${displayDate(nonconformity.closedAt)}` : ""}.`,
    `What is not met: ${nonconformity.description}`,
    ...(nonconformity.rootCause ? [`Root cause: ${nonconformity.rootCause}`] : []),
    ...(nonconformity.correction ? [`Correction: ${nonconformity.correction}`] : []),
    // Those who may see the nonconformity but not an action (a manager) learn that it exists, not what it says.
    ...nonconformity.correctiveActions.map((action) =>
      can(viewer, "view", "corrective_action", { ownerId: action.owner.id })
        ? `Corrective action ${action.reference} (${actionStatusLabels[action.status].toLowerCase()}): ${action.description}, owner ${action.owner.displayName}, due ${displayDate(action.dueDate)}.`
        : `Corrective action ${action.reference} (${actionStatusLabels[action.status].toLowerCase()}), owner ${action.owner.displayName}, due ${displayDate(action.dueDate)}.`,
    ),
    ...(nonconformity.effectivenessCheck ? [`Effectiveness check: ${nonconformity.effectivenessCheck}`] : []),
  ];
  const editable = nonconformity.status !== "closed" && can(viewer, "edit", "nonconformity");
  return {
    kind: "notice",
    subject: `${nonconformity.reference}: nonconformity (${nonconformityStatusLabels[nonconformity.status].toLowerCase()})`,
    text: lines.join("\n"),
    actions: editable ? nonconformityButtons(nonconformity.reference, nonconformity.status === "open" ? ["plan"] : ["plan", "close"]) : [],
  };
}
