// The policy register and acknowledgement campaigns in chat: "policy documents", "document POL-0001",
// "approve POL-0001", "edit POL-0001", "campaign POL-0001" (start one), "campaigns", "campaign ACK-0001"
// (who has and has not confirmed), and "I have read it" (the button, or "read ACK-0001").
import type { PrismaClient } from "../generated/prisma/client.js";
import { can, isGovernance, type Viewer } from "../domain/accessPolicy.js";
import { ActionRefused } from "../domain/actionRefused.js";
import { systemActor } from "../store/changeHistory.js";
import { useCaseMessages, useCaseRefusal, viewerOf, actorOfTurn, type RecordActions, type TextUseCases, type UseCaseOutcome } from "../conversations/useCaseOutcome.js";
import type { Turn } from "../conversations/messages.js";
import type { NoticeButton } from "../domain/governanceNotices.js";
import { acknowledge, audienceLabels, campaignStatus, closeCampaign } from "./acknowledgementCampaigns.js";
import { approveLatestVersion, loadDocument, mayApprove, syncPolicyDocuments, versionLabel } from "./policyRegister.js";
import { editPolicyDocumentFlowId, startCampaignFlowId } from "./flows/policyDocumentFlows.js";
import { displayDateOr } from "../domain/dateDisplay.js";

const shownDay = (date: Date | null) => displayDateOr(date, "not set");
const padded = (prefix: string, digits: string) => `${prefix}-${digits.padStart(4, "0")}`;
const button = (label: string, reference: string, action: string): NoticeButton => ({ label, input: { kind: "record_action", reference, action } });

export class PolicyDocumentUseCases implements TextUseCases, RecordActions {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => Date,
    /** POLICY_DIR: read again on each look at the register, so a changed file shows as a new version at once. */
    private readonly policyDir: string | null,
  ) {}

  handles(reference: string): boolean {
    return /^(POL|ACK)-\d+$/.test(reference);
  }

  async handleText(text: string, turn: Turn): Promise<UseCaseOutcome | null> {
    const typed = text.trim().toLowerCase().replace(/^\//, "").replace(/[.!?]+$/, "").replace(/\s+/g, " ");
    if (/^(policy documents|documents|policies)$/.test(typed)) return this.list();
    if (/^(acknowledgement )?campaigns$/.test(typed)) return this.campaigns(turn);
    const closing = /^(?:close (?:campaign )?ack[-\s]?(\d{1,6})|campaign ack[-\s]?(\d{1,6}) close)$/.exec(typed);
    if (closing) return this.act(padded("ACK", (closing[1] ?? closing[2])!), "close", turn);
    const named = /^(document|approve|edit|campaign|read|acknowledge) (pol|ack)[-\s]?(\d{1,6})$/.exec(typed);
    if (!named) return null;
    const reference = padded(named[2]!.toUpperCase(), named[3]!);
    const verb = named[1]!;
    const action = verb === "document" || (verb === "campaign" && reference.startsWith("ACK")) ? "view" : verb === "campaign" ? "start_campaign" : verb === "read" ? "acknowledge" : verb;
    return this.act(reference, action, turn);
  }

  async act(reference: string, action: string, turn: Turn): Promise<UseCaseOutcome> {
    try {
      if (reference.startsWith("ACK")) {
        if (action === "acknowledge") return await this.acknowledge(reference, turn);
        if (action === "view") return await this.showCampaign(reference, turn);
        if (action === "close") return await this.closeCampaign(reference, turn);
      } else {
        if (action === "view") return await this.show(reference, turn);
        if (action === "approve") return await this.approve(reference, turn);
        if (action === "edit") return await this.startEdit(reference, turn);
        if (action === "start_campaign") return await this.startCampaign(reference, turn);
      }
      return useCaseRefusal(`I can't "${action}" ${reference}.`);
    } catch (error) {
      if (error instanceof ActionRefused) return useCaseRefusal(error.message);
      throw error;
    }
  }

  private async sync(): Promise<void> {
    if (this.policyDir) await syncPolicyDocuments(this.prisma, this.policyDir, systemActor("system"));
  }

  private async list(): Promise<UseCaseOutcome> {
    await this.sync();
    const documents = await this.prisma.policyDocument.findMany({ where: { present: true }, orderBy: { reference: "asc" }, include: { owner: true, versions: { orderBy: { number: "desc" }, take: 1 } } });
    return useCaseMessages({
      kind: "record_list",
      title: "Controlled policy documents",
      items: documents.map((document) => {
        const latest = document.versions[0];
        const approval = latest?.approvedOn ? `approved ${shownDay(latest.approvedOn)}` : "awaiting approval";
        return { reference: document.reference, text: `${document.title} · ${latest ? versionLabel(latest) : "no version"} ${approval} · owner ${document.owner?.displayName ?? "not set"} · review ${shownDay(document.nextReviewOn)}` };
      }),
      note: documents.length === 0 ? "No policy document has been read yet (POLICY_DIR is empty)." : 'Type "document POL-0001" for one document and its versions.',
    });
  }

  private async show(reference: string, turn: Turn): Promise<UseCaseOutcome> {
    await this.sync();
    const document = await loadDocument(this.prisma, reference);
    if (!document) return useCaseRefusal(`${reference} is not in the policy register. Type "policy documents" to list them.`);
    const viewer = viewerOf(turn);
    const latest = document.versions[0];
    const lines = [
      `File: ${document.fileName}${document.present ? "" : " (no longer in the policy folder)"}.`,
      `Owner: ${document.owner?.displayName ?? "not set"}; approver: ${document.approver?.displayName ?? "not set"}; next review: ${shownDay(document.nextReviewOn)}.`,
      ...(document.summary ? [`Summary: ${document.summary}`] : []),
      "Versions:",
      ...document.versions.map((version) => `• ${versionLabel(version)}, seen ${shownDay(version.detectedAt)}, ${version.approvedOn ? `approved by ${version.approvedBy?.displayName ?? "unknown"} on ${shownDay(version.approvedOn)}` : "awaiting approval"} (sha256 ${version.contentHash.slice(0, 12)}…)`),
    ];
    const actions = [
      ...(latest && !latest.approvedOn && mayApprove(viewer, document) ? [button("Approve this version", reference, "approve")] : []),
      ...(can(viewer, "edit", "policy_document", { ownerId: document.ownerId }) ? [button("Edit register entry", reference, "edit")] : []),
      ...(can(viewer, "create", "acknowledgement_campaign") ? [button("Ask people to acknowledge", reference, "start_campaign")] : []),
    ];
    return useCaseMessages({ kind: "notice", subject: `${reference} ${document.title}`, text: lines.join("\n"), actions });
  }

  private async approve(reference: string, turn: Turn): Promise<UseCaseOutcome> {
    await this.sync();
    const { version, nextReviewOn } = await approveLatestVersion(this.prisma, reference, viewerOf(turn), actorOfTurn(turn), this.clock());
    return useCaseMessages({ kind: "text", text: `${version.reference} is approved. The next review of ${reference} is due on ${shownDay(nextReviewOn)}.` });
  }

  private async startEdit(reference: string, turn: Turn): Promise<UseCaseOutcome> {
    const document = await loadDocument(this.prisma, reference);
    if (!document) return useCaseRefusal(`${reference} is not in the policy register.`);
    if (!can(viewerOf(turn), "edit", "policy_document", { ownerId: document.ownerId })) return useCaseRefusal(`Only the owner of ${reference} or the governance team can change its register entry.`);
    return {
      start: {
        flowId: editPolicyDocumentFlowId,
        prefill: {
          document: reference,
          ...(document.owner ? { owner: { personId: document.owner.id, displayName: document.owner.displayName } } : {}),
          ...(document.approver ? { approver: { personId: document.approver.id, displayName: document.approver.displayName } } : {}),
          ...(document.summary ? { summary: document.summary } : {}),
        },
      },
    };
  }

  private async startCampaign(reference: string, turn: Turn): Promise<UseCaseOutcome> {
    if (!can(viewerOf(turn), "create", "acknowledgement_campaign")) return useCaseRefusal("Only the governance team can start acknowledgement campaigns.");
    await this.sync();
    const document = await loadDocument(this.prisma, reference);
    if (!document) return useCaseRefusal(`${reference} is not in the policy register.`);
    if (!document.versions.some((version) => version.approvedOn)) return useCaseRefusal(`${reference} has no approved version yet: approve it first ("approve ${reference}").`);
    return { start: { flowId: startCampaignFlowId, prefill: { document: reference } } };
  }

  private async acknowledge(reference: string, turn: Turn): Promise<UseCaseOutcome> {
    const done = await acknowledge(this.prisma, reference, turn.speaker, turn.channel, this.clock());
    return useCaseMessages({
      kind: "text",
      text: done.already ? `You already confirmed reading ${done.what} on ${shownDay(done.already)}. Thank you!` : `Thank you: your confirmation that you have read ${done.what} is recorded.`,
    });
  }

  private async campaigns(turn: Turn): Promise<UseCaseOutcome> {
    if (!can(viewerOf(turn), "view", "acknowledgement_campaign")) return useCaseRefusal("Only the governance team, auditors and managers can see acknowledgement campaigns.");
    const campaigns = await this.prisma.acknowledgementCampaign.findMany({ orderBy: { reference: "desc" }, take: 50, include: { document: true, version: true, acknowledgements: { select: { acknowledgedAt: true } } } });
    return useCaseMessages({
      kind: "record_list",
      title: "Acknowledgement campaigns",
      items: campaigns.map((campaign) => {
        const done = campaign.acknowledgements.filter((row) => row.acknowledgedAt).length;
        return { reference: campaign.reference, text: `${campaign.document.title} ${versionLabel(campaign.version)} · ${audienceLabels[campaign.audience] ?? campaign.audience} · ${done} of ${campaign.acknowledgements.length} confirmed · due ${shownDay(campaign.dueOn)}` };
      }),
      note: campaigns.length === 0 ? 'No campaign yet. Type "campaign POL-0001" to ask people to read a policy.' : 'Type "campaign ACK-0001" to see who has and has not confirmed.',
    });
  }

  private async closeCampaign(reference: string, turn: Turn): Promise<UseCaseOutcome> {
    if (!isGovernance(viewerOf(turn))) return useCaseRefusal("Only the governance team can close acknowledgement campaigns.");
    const closed = await closeCampaign(this.prisma, reference, actorOfTurn(turn), this.clock());
    return useCaseMessages({
      kind: "notice",
      subject: `${reference} closed: the final record of who has read ${closed.title}`,
      text: [
        `Confirmed: ${closed.confirmed.length} of ${closed.asked}.`,
        `Have read it: ${closed.confirmed.length === 0 ? "nobody" : closed.confirmed.join(", ")}.`,
        `Had not confirmed: ${closed.notConfirmed.length === 0 ? "nobody, everyone confirmed" : closed.notConfirmed.join(", ")}.`,
        "Nobody is reminded any more; the record is kept in the change history and the policy-acknowledgements register.",
      ].join("\n"),
      actions: [],
    });
  }

  private async showCampaign(reference: string, turn: Turn): Promise<UseCaseOutcome> {
    const viewer: Viewer = viewerOf(turn);
    const campaign = await campaignStatus(this.prisma, reference);
    if (!campaign) return useCaseRefusal(`There is no acknowledgement campaign ${reference}.`);
    const mine = campaign.acknowledgements.find((row) => row.personId === viewer.personId);
    if (!can(viewer, "view", "acknowledgement_campaign")) {
      if (!mine) return useCaseRefusal("Only the governance team, auditors and managers can see acknowledgement campaigns.");
      return useCaseMessages({ kind: "notice", subject: `${reference}: ${campaign.document.title}`, text: mine.acknowledgedAt ? `You confirmed reading it on ${shownDay(mine.acknowledgedAt)}.` : `Please read it by ${shownDay(campaign.dueOn)} and confirm.`, actions: mine.acknowledgedAt ? [] : [button("I have read it", reference, "acknowledge")] });
    }
    const done = campaign.acknowledgements.filter((row) => row.acknowledgedAt);
    const waiting = campaign.acknowledgements.filter((row) => !row.acknowledgedAt);
    const lines = [
      `${campaign.document.reference} ${campaign.document.title}, ${versionLabel(campaign.version)}; asked: ${audienceLabels[campaign.audience] ?? campaign.audience}, by ${campaign.startedBy?.displayName ?? "unknown"}; due ${shownDay(campaign.dueOn)}.`,
      `Confirmed: ${done.length} of ${campaign.acknowledgements.length}${campaign.status === "closed" ? " (closed: the final record)" : ""}.`,
      `Have read it: ${done.length === 0 ? "nobody yet" : done.map((row) => `${row.person.displayName} (${shownDay(row.acknowledgedAt)})`).join(", ")}.`,
      `Not yet: ${waiting.length === 0 ? "nobody, everyone has confirmed" : waiting.map((row) => row.person.displayName).join(", ")}.`,
    ];
    return useCaseMessages({ kind: "notice", subject: `${reference}: who has read ${campaign.document.title}`, text: lines.join("\n"), actions: mine && !mine.acknowledgedAt ? [button("I have read it", reference, "acknowledge")] : [] });
  }
}
