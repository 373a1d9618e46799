// The policy registers for exports and the evidence pack: every version of every controlled document
// (5.2, 7.5, A.2), and every person asked in an acknowledgement campaign with when they confirmed (7.3).
import type { PrismaClient } from "../generated/prisma/client.js";
import { versionLabel } from "./policyRegister.js";

type Table = { columns: string[]; rows: Record<string, unknown>[] };

export async function policyVersionTable(prisma: PrismaClient): Promise<Table> {
  const versions = await prisma.policyVersion.findMany({
    orderBy: [{ document: { reference: "asc" } }, { number: "asc" }],
    include: { approvedBy: { select: { displayName: true } }, document: { include: { owner: { select: { displayName: true } }, approver: { select: { displayName: true } } } } },
  });
  return {
    columns: ["document", "title", "fileName", "version", "statedVersion", "contentHash", "detectedAt", "approvedByName", "approvedOn", "ownerName", "approverName", "nextReviewOn", "summary", "inFolder"],
    rows: versions.map((version) => ({
      document: version.document.reference,
      title: version.document.title,
      fileName: version.document.fileName,
      version: versionLabel(version),
      statedVersion: version.statedVersion,
      contentHash: version.contentHash,
      detectedAt: version.detectedAt,
      approvedByName: version.approvedBy?.displayName ?? null,
      approvedOn: version.approvedOn,
      ownerName: version.document.owner?.displayName ?? null,
      approverName: version.document.approver?.displayName ?? null,
      nextReviewOn: version.document.nextReviewOn,
      summary: version.document.summary,
      inFolder: version.document.present,
    })),
  };
}

export async function acknowledgementTable(prisma: PrismaClient): Promise<Table> {
  const rows = await prisma.acknowledgement.findMany({
    orderBy: [{ campaign: { reference: "asc" } }, { person: { displayName: "asc" } }],
    include: { person: { select: { displayName: true, email: true } }, campaign: { include: { document: true, version: true } } },
  });
  return {
    columns: ["campaign", "campaignStatus", "document", "title", "version", "audience", "dueOn", "personName", "personEmail", "acknowledged", "acknowledgedAt", "channel"],
    rows: rows.map((row) => ({
      campaign: row.campaign.reference,
      campaignStatus: row.campaign.status,
      document: row.campaign.document.reference,
      title: row.campaign.document.title,
      version: versionLabel(row.campaign.version),
      audience: row.campaign.audience,
      dueOn: row.campaign.dueOn,
      personName: row.person.displayName,
      personEmail: row.person.email,
      acknowledged: row.acknowledgedAt !== null,
      acknowledgedAt: row.acknowledgedAt,
      channel: row.channel,
    })),
  };
}
