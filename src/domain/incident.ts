// What an AI incident record holds (ISO/IEC 42001 A.8.4, 10.2), as validated input.
import { z } from "zod";
import { Channel, IncidentStatus, IncidentType, Severity } from "../generated/prisma/enums.js";

const text = (max: number) => z.string().trim().min(1).max(max);

const incidentFields = z.object({
    systemId: z.string().nullish(),
    systemNameFreeText: text(200).nullish(),
    possiblyUnregistered: z.boolean().default(false),
    reporterId: z.string().nullish(),
    anonymous: z.boolean().default(false),
    type: z.enum(IncidentType),
    severity: z.enum(Severity),
    status: z.enum(IncidentStatus).default("reported"),
    description: text(10_000),
    occurredAt: z.coerce.date().nullish(),
    detectedAt: z.coerce.date().nullish(),
    reportedAt: z.coerce.date().optional(),
    affectedParties: text(2000).nullish(),
    anyoneHarmed: z.boolean().nullish(),
    immediateAction: text(4000).nullish(),
    confidential: z.boolean().default(false),
    assigneeId: z.string().nullish(),
    createdVia: z.enum(Channel),
  });

export const incidentFieldsSchema = incidentFields
  // An anonymous report must not carry the reporter: nothing may identify them afterwards.
  .refine((incident) => !(incident.anonymous && incident.reporterId), {
    message: "an anonymous report cannot name its reporter",
    path: ["reporterId"],
  });

export type NewIncident = z.input<typeof incidentFieldsSchema>;
export const incidentPatchSchema = incidentFields.omit({ createdVia: true }).partial();
export type IncidentPatch = z.input<typeof incidentPatchSchema>;
