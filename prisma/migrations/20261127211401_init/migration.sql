-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('slack', 'teams', 'local_chat', 'cli', 'import', 'system');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('member', 'owner', 'governance', 'manager', 'auditor');

-- CreateEnum
CREATE TYPE "AiSystemKind" AS ENUM ('internal_model', 'third_party_service', 'embedded_in_purchased_software', 'component_in_own_product');

-- CreateEnum
CREATE TYPE "DataCategory" AS ENUM ('personal', 'special_category', 'biometric', 'children', 'confidential_business', 'public_only');

-- CreateEnum
CREATE TYPE "AffectedParty" AS ENUM ('employees', 'customers', 'third_parties', 'public');

-- CreateEnum
CREATE TYPE "AutonomyLevel" AS ENUM ('advises_human', 'human_approves_each_decision', 'human_can_override', 'fully_automated');

-- CreateEnum
CREATE TYPE "RegulatedDomain" AS ENUM ('employment_hr', 'credit_insurance', 'health', 'education', 'critical_infrastructure_safety', 'law_enforcement_public_services', 'none');

-- CreateEnum
CREATE TYPE "LifecycleStage" AS ENUM ('proposed', 'in_development', 'in_production', 'retired');

-- CreateEnum
CREATE TYPE "RiskTier" AS ENUM ('low', 'medium', 'high');

-- CreateEnum
CREATE TYPE "AiSystemStatus" AS ENUM ('draft', 'pending_review', 'approved', 'rejected', 'retired');

-- CreateEnum
CREATE TYPE "IncidentType" AS ENUM ('bias', 'inaccurate_output', 'privacy', 'safety', 'security', 'drift', 'transparency', 'misuse', 'other');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('sev1', 'sev2', 'sev3', 'sev4');

-- CreateEnum
CREATE TYPE "IncidentStatus" AS ENUM ('reported', 'triaged', 'investigating', 'contained', 'resolved', 'closed', 'declined', 'duplicate');

-- CreateEnum
CREATE TYPE "ConversationStatus" AS ENUM ('active', 'completed', 'cancelled', 'expired');

-- CreateEnum
CREATE TYPE "ChangeAction" AS ENUM ('create', 'update', 'status_change');

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "email" TEXT,
    "slackUserId" TEXT,
    "teamsAadObjectId" TEXT,
    "roles" "Role"[] DEFAULT ARRAY['member']::"Role"[],
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AiSystem" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "purpose" TEXT,
    "intendedUse" TEXT,
    "kind" "AiSystemKind",
    "vendor" TEXT,
    "businessUnit" TEXT,
    "ownerId" TEXT,
    "reportedById" TEXT,
    "dataCategories" "DataCategory"[],
    "affectedParties" "AffectedParty"[],
    "autonomyLevel" "AutonomyLevel",
    "regulatedDomain" "RegulatedDomain",
    "lifecycleStage" "LifecycleStage",
    "inAimsScope" BOOLEAN NOT NULL DEFAULT true,
    "riskTier" "RiskTier",
    "riskTierReasons" TEXT[],
    "status" "AiSystemStatus" NOT NULL DEFAULT 'pending_review',
    "nextReviewDate" DATE,
    "lastAttestedAt" TIMESTAMP(3),
    "createdVia" "Channel" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AiSystem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "systemId" TEXT,
    "systemNameFreeText" TEXT,
    "possiblyUnregistered" BOOLEAN NOT NULL DEFAULT false,
    "reporterId" TEXT,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "type" "IncidentType" NOT NULL,
    "severity" "Severity" NOT NULL,
    "status" "IncidentStatus" NOT NULL DEFAULT 'reported',
    "description" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3),
    "detectedAt" TIMESTAMP(3),
    "reportedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "affectedParties" TEXT,
    "anyoneHarmed" BOOLEAN,
    "immediateAction" TEXT,
    "confidential" BOOLEAN NOT NULL DEFAULT false,
    "assigneeId" TEXT,
    "createdVia" "Channel" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferenceCounter" (
    "prefix" TEXT NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "ReferenceCounter_pkey" PRIMARY KEY ("prefix")
);

-- CreateTable
CREATE TABLE "ConversationState" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "flowId" TEXT NOT NULL,
    "stepId" TEXT,
    "answers" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 0,
    "status" "ConversationStatus" NOT NULL DEFAULT 'active',
    "resultReference" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConversationState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "entityRef" TEXT,
    "action" "ChangeAction" NOT NULL,
    "changes" JSONB NOT NULL,

    CONSTRAINT "ChangeLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Person_email_key" ON "Person"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Person_slackUserId_key" ON "Person"("slackUserId");

-- CreateIndex
CREATE UNIQUE INDEX "Person_teamsAadObjectId_key" ON "Person"("teamsAadObjectId");

-- CreateIndex
CREATE UNIQUE INDEX "AiSystem_reference_key" ON "AiSystem"("reference");

-- CreateIndex
CREATE INDEX "AiSystem_ownerId_idx" ON "AiSystem"("ownerId");

-- CreateIndex
CREATE INDEX "AiSystem_status_idx" ON "AiSystem"("status");

-- CreateIndex
CREATE INDEX "AiSystem_nextReviewDate_idx" ON "AiSystem"("nextReviewDate");

-- CreateIndex
CREATE UNIQUE INDEX "Incident_reference_key" ON "Incident"("reference");

-- CreateIndex
CREATE INDEX "Incident_status_idx" ON "Incident"("status");

-- CreateIndex
CREATE INDEX "Incident_systemId_idx" ON "Incident"("systemId");

-- CreateIndex
CREATE INDEX "Incident_reportedAt_idx" ON "Incident"("reportedAt");

-- CreateIndex
CREATE INDEX "ConversationState_expiresAt_idx" ON "ConversationState"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "ConversationState_platform_workspaceId_userId_conversationI_key" ON "ConversationState"("platform", "workspaceId", "userId", "conversationId");

-- CreateIndex
CREATE INDEX "ChangeLog_entityType_entityId_idx" ON "ChangeLog"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "ChangeLog_at_idx" ON "ChangeLog"("at");

-- AddForeignKey
ALTER TABLE "AiSystem" ADD CONSTRAINT "AiSystem_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AiSystem" ADD CONSTRAINT "AiSystem_reportedById_fkey" FOREIGN KEY ("reportedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "AiSystem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The change history is append-only (ISO/IEC 42001 7.5): the database itself refuses
-- to rewrite or delete it, whatever code path asks.
CREATE FUNCTION "change_log_is_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'ChangeLog is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "ChangeLog_append_only"
  BEFORE UPDATE OR DELETE ON "ChangeLog"
  FOR EACH ROW EXECUTE FUNCTION "change_log_is_append_only"();

CREATE TRIGGER "ChangeLog_no_truncate"
  BEFORE TRUNCATE ON "ChangeLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "change_log_is_append_only"();
