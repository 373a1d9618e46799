// What an AI system inventory entry holds (ISO/IEC 42001 4.3, A.4, A.6), as validated input.
import { z } from "zod";
import {
  AffectedParty,
  AiSystemKind,
  AiSystemStatus,
  AutonomyLevel,
  Channel,
  DataCategory,
  LifecycleStage,
  RegulatedDomain,
  RiskTier,
} from "../generated/prisma/enums.js";

const text = (max: number) => z.string().trim().min(1).max(max);

export const aiSystemFieldsSchema = z.object({
  name: text(120),
  aliases: z.array(text(120)).default([]),
  purpose: text(2000).nullish(),
  intendedUse: text(2000).nullish(),
  kind: z.enum(AiSystemKind).nullish(),
  vendor: text(200).nullish(),
  userDocumentationUrl: z.string().trim().url().max(2000).nullish(),
  businessUnit: text(120).nullish(),
  ownerId: z.string().nullish(),
  reportedById: z.string().nullish(),
  dataCategories: z.array(z.enum(DataCategory)).default([]),
  affectedParties: z.array(z.enum(AffectedParty)).default([]),
  autonomyLevel: z.enum(AutonomyLevel).nullish(),
  regulatedDomain: z.enum(RegulatedDomain).nullish(),
  lifecycleStage: z.enum(LifecycleStage).nullish(),
  inAimsScope: z.boolean().default(true),
  riskTier: z.enum(RiskTier).nullish(),
  riskTierReasons: z.array(z.string()).default([]),
  status: z.enum(AiSystemStatus).default("pending_review"),
  nextReviewDate: z.coerce.date().nullish(),
  lastAttestedAt: z.coerce.date().nullish(),
  /** Who approved or rejected it and when (set by the approval itself, or when loading records kept elsewhere). */
  decidedById: z.string().nullish(),
  decidedAt: z.coerce.date().nullish(),
  createdVia: z.enum(Channel),
});

export type NewAiSystem = z.input<typeof aiSystemFieldsSchema>;
export type AiSystemFields = z.output<typeof aiSystemFieldsSchema>;
export const aiSystemPatchSchema = aiSystemFieldsSchema.omit({ createdVia: true }).partial();
export type AiSystemPatch = z.input<typeof aiSystemPatchSchema>;
