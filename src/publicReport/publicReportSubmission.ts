// A report from the public form becomes an incident like any other: confidential (an unverified
// outsider's account, maybe with their contact details), reporter "external", severity SEV3 until
// governance triages it, and the governance team is notified (privately) in the same transaction.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client.js";
import { IncidentType } from "../generated/prisma/enums.js";
import { newIncidentNotice } from "../domain/governanceNotices.js";
import { IncidentStore } from "../store/incidents.js";
import { enqueueNotice, governanceAudience } from "../store/notifications.js";
import type { Actor } from "../store/changeHistory.js";
import { isGovernance, type Viewer } from "../domain/accessPolicy.js";

export const externalReporterLabel = "external (public report form)";
const externalActor: Actor = { personId: null, label: externalReporterLabel, channel: "public_form" };

const optional = (max: number, what: string) =>
  z.string().trim().max(max, `Please keep ${what} under ${max} characters.`).transform((text) => text || null).optional().transform((text) => text ?? null);

export const publicReportSchema = z.object({
  description: z.string({ error: "Please say what happened." }).trim().min(20, "Please describe what happened in a sentence or two (at least 20 characters).").max(10_000, "Please keep the description under 10,000 characters."),
  type: z.enum(IncidentType).catch("other"),
  system: optional(300, "the system's name"),
  occurredOn: z.string().trim().optional().transform((text, context) => {
    if (!text) return null;
    const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : new Date(Number.NaN);
    if (Number.isNaN(date.getTime())) context.addIssue({ code: "custom", message: "Please give the date as year-month-day, or leave it empty." });
    else if (date.getTime() > Date.now()) context.addIssue({ code: "custom", message: "That date is in the future; when did it happen?" });
    return date;
  }),
  affected: optional(2000, "who was affected"),
  contactName: optional(200, "your name"),
  contactEmail: z.string().trim().max(320).optional().transform((text) => text || null).pipe(z.email("Please check your email address, or leave it empty.").nullable()),
});

export type PublicReport = z.output<typeof publicReportSchema>;

export async function savePublicReport(prisma: PrismaClient, report: PublicReport, now: Date): Promise<string> {
  return prisma.$transaction(async (tx) => {
    const incident = await new IncidentStore(tx).report(
      {
        systemId: null,
        systemNameFreeText: report.system,
        possiblyUnregistered: false,
        reporterId: null,
        anonymous: false,
        type: report.type,
        severity: "sev3",
        description: report.description,
        occurredAt: report.occurredOn?.toISOString() ?? null,
        detectedAt: now,
        reportedAt: now,
        affectedParties: report.affected,
        anyoneHarmed: null,
        immediateAction: null,
        confidential: true,
        createdVia: "public_form",
      },
      externalActor,
    );
    if (report.contactName || report.contactEmail) {
      await tx.externalReporterContact.create({ data: { incidentId: incident.id, name: report.contactName, email: report.contactEmail } });
    }
    await enqueueNotice(tx, governanceAudience, newIncidentNotice({ ...incident, systemName: report.system, reporterName: externalReporterLabel }), { privateOnly: true });
    return incident.reference;
  });
}

/** The outside reporter's contact details, on the incident view: for the governance team only. */
export function externalReporterContactLines(contact: { name: string | null; email: string | null } | null, viewer: Viewer): string[] {
  if (!contact || !isGovernance(viewer)) return [];
  return [`Reporter's contact (governance only): ${[contact.name, contact.email].filter(Boolean).join(", ")}.`];
}
