-- CreateEnum
CREATE TYPE "RiskDirection" AS ENUM ('from_system', 'to_system');

-- CreateEnum
CREATE TYPE "RiskCategory" AS ENUM ('biased_outputs', 'unsafe_decisions', 'privacy_violation', 'lack_of_transparency', 'unintended_consequences', 'data_poisoning_or_attack', 'model_drift', 'third_party_supply_chain', 'single_point_of_failure', 'loss_of_knowledge', 'other');

-- CreateEnum
CREATE TYPE "RiskLevel" AS ENUM ('low', 'medium', 'high', 'critical');

-- CreateEnum
CREATE TYPE "RiskTreatment" AS ENUM ('mitigate', 'transfer', 'avoid', 'accept');

-- CreateEnum
CREATE TYPE "RiskStatus" AS ENUM ('open', 'acceptance_pending', 'acceptance_rejected', 'closed');

-- CreateEnum
CREATE TYPE "ControlImplementation" AS ENUM ('not_started', 'in_progress', 'implemented');

-- CreateEnum
CREATE TYPE "GapStatus" AS ENUM ('in_place', 'partial', 'missing');

-- CreateEnum
CREATE TYPE "NonconformitySource" AS ENUM ('internal_audit', 'management_review', 'incident', 'other');

-- CreateEnum
CREATE TYPE "NonconformityStatus" AS ENUM ('open', 'action_planned', 'closed');

-- AlterTable
ALTER TABLE "AiSystem" ADD COLUMN     "decidedAt" TIMESTAMP(3),
ADD COLUMN     "decidedById" TEXT,
ADD COLUMN     "decisionReason" TEXT;

-- AlterTable
ALTER TABLE "CorrectiveAction" ADD COLUMN     "nonconformityId" TEXT;

-- AlterTable
ALTER TABLE "ScheduledReview" ADD COLUMN     "attendees" TEXT[],
ADD COLUMN     "conclusion" TEXT,
ADD COLUMN     "heldOn" DATE;

-- CreateTable
CREATE TABLE "Risk" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "direction" "RiskDirection" NOT NULL,
    "category" "RiskCategory" NOT NULL,
    "description" TEXT NOT NULL,
    "likelihood" INTEGER NOT NULL,
    "impactSafety" INTEGER NOT NULL,
    "impactFinancial" INTEGER NOT NULL,
    "impactReputational" INTEGER NOT NULL,
    "impactRegulatory" INTEGER NOT NULL,
    "impactEthical" INTEGER NOT NULL,
    "impactEnvironmental" INTEGER NOT NULL,
    "score" INTEGER NOT NULL,
    "level" "RiskLevel" NOT NULL,
    "treatment" "RiskTreatment" NOT NULL,
    "treatmentJustification" TEXT NOT NULL,
    "controls" TEXT[],
    "residualLikelihood" INTEGER NOT NULL,
    "residualImpact" INTEGER NOT NULL,
    "residualScore" INTEGER NOT NULL,
    "residualLevel" "RiskLevel" NOT NULL,
    "reviewDate" DATE NOT NULL,
    "status" "RiskStatus" NOT NULL DEFAULT 'open',
    "assessorId" TEXT,
    "acceptanceDecidedById" TEXT,
    "acceptanceDecidedAt" TIMESTAMP(3),
    "acceptanceDecisionNote" TEXT,
    "createdVia" "Channel" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Risk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ControlApplicability" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "applicable" BOOLEAN NOT NULL,
    "justification" TEXT,
    "implementation" "ControlImplementation" NOT NULL DEFAULT 'not_started',
    "ownerId" TEXT,
    "evidenceLinks" TEXT[],
    "createdVia" "Channel" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ControlApplicability_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImpactAssessment" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "individuals" TEXT NOT NULL,
    "groups" TEXT NOT NULL,
    "society" TEXT NOT NULL,
    "foreseeableMisuse" TEXT NOT NULL,
    "mitigations" TEXT NOT NULL,
    "reassessOn" DATE NOT NULL,
    "assessorId" TEXT,
    "createdVia" "Channel" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImpactAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GapAnalysis" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "conductedById" TEXT,
    "createdVia" "Channel" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GapAnalysis_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GapFinding" (
    "id" TEXT NOT NULL,
    "analysisId" TEXT NOT NULL,
    "clauseId" TEXT NOT NULL,
    "status" "GapStatus" NOT NULL,
    "note" TEXT,
    "ownerId" TEXT,

    CONSTRAINT "GapFinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Nonconformity" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "source" "NonconformitySource" NOT NULL,
    "reviewId" TEXT,
    "incidentId" TEXT,
    "requirement" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "rootCause" TEXT,
    "correction" TEXT,
    "effectivenessCheck" TEXT,
    "status" "NonconformityStatus" NOT NULL DEFAULT 'open',
    "raisedById" TEXT,
    "closedAt" TIMESTAMP(3),
    "createdVia" "Channel" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Nonconformity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Risk_reference_key" ON "Risk"("reference");

-- CreateIndex
CREATE INDEX "Risk_systemId_idx" ON "Risk"("systemId");

-- CreateIndex
CREATE INDEX "Risk_reviewDate_idx" ON "Risk"("reviewDate");

-- CreateIndex
CREATE UNIQUE INDEX "ControlApplicability_reference_key" ON "ControlApplicability"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "ImpactAssessment_reference_key" ON "ImpactAssessment"("reference");

-- CreateIndex
CREATE INDEX "ImpactAssessment_systemId_idx" ON "ImpactAssessment"("systemId");

-- CreateIndex
CREATE UNIQUE INDEX "GapAnalysis_reference_key" ON "GapAnalysis"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "GapFinding_analysisId_clauseId_key" ON "GapFinding"("analysisId", "clauseId");

-- CreateIndex
CREATE UNIQUE INDEX "Nonconformity_reference_key" ON "Nonconformity"("reference");

-- CreateIndex
CREATE INDEX "Nonconformity_status_idx" ON "Nonconformity"("status");

-- AddForeignKey
ALTER TABLE "AiSystem" ADD CONSTRAINT "AiSystem_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorrectiveAction" ADD CONSTRAINT "CorrectiveAction_nonconformityId_fkey" FOREIGN KEY ("nonconformityId") REFERENCES "Nonconformity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "AiSystem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_assessorId_fkey" FOREIGN KEY ("assessorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_acceptanceDecidedById_fkey" FOREIGN KEY ("acceptanceDecidedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ControlApplicability" ADD CONSTRAINT "ControlApplicability_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpactAssessment" ADD CONSTRAINT "ImpactAssessment_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "AiSystem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpactAssessment" ADD CONSTRAINT "ImpactAssessment_assessorId_fkey" FOREIGN KEY ("assessorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GapAnalysis" ADD CONSTRAINT "GapAnalysis_conductedById_fkey" FOREIGN KEY ("conductedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GapFinding" ADD CONSTRAINT "GapFinding_analysisId_fkey" FOREIGN KEY ("analysisId") REFERENCES "GapAnalysis"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GapFinding" ADD CONSTRAINT "GapFinding_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nonconformity" ADD CONSTRAINT "Nonconformity_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "ScheduledReview"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nonconformity" ADD CONSTRAINT "Nonconformity_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nonconformity" ADD CONSTRAINT "Nonconformity_raisedById_fkey" FOREIGN KEY ("raisedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Scores outside the documented 1–5 scale are refused by the database as well as by the flows.
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_scales_1_to_5" CHECK (
  "likelihood" BETWEEN 1 AND 5 AND "impactSafety" BETWEEN 1 AND 5 AND "impactFinancial" BETWEEN 1 AND 5
  AND "impactReputational" BETWEEN 1 AND 5 AND "impactRegulatory" BETWEEN 1 AND 5 AND "impactEthical" BETWEEN 1 AND 5
  AND "impactEnvironmental" BETWEEN 1 AND 5 AND "residualLikelihood" BETWEEN 1 AND 5 AND "residualImpact" BETWEEN 1 AND 5
);
-- An excluded control must say why (6.1.3).
ALTER TABLE "ControlApplicability" ADD CONSTRAINT "ControlApplicability_exclusion_justified" CHECK (
  "applicable" OR ("justification" IS NOT NULL AND length(trim("justification")) > 0)
);
