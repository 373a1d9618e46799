-- CreateEnum
CREATE TYPE "CorrectiveActionStatus" AS ENUM ('open', 'done', 'cancelled');

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "acknowledgedAt" TIMESTAMP(3),
ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "containmentNote" TEXT,
ADD COLUMN     "correction" TEXT,
ADD COLUMN     "declineReason" TEXT,
ADD COLUMN     "duplicateOfId" TEXT,
ADD COLUMN     "effectivenessCheck" TEXT,
ADD COLUMN     "lessonsChanges" TEXT,
ADD COLUMN     "lessonsWhatHappened" TEXT,
ADD COLUMN     "lessonsWhy" TEXT,
ADD COLUMN     "resolvedAt" TIMESTAMP(3),
ADD COLUMN     "rootCause" TEXT;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "privateOnly" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "IncidentEvent" (
    "id" BIGSERIAL NOT NULL,
    "incidentId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "link" TEXT,

    CONSTRAINT "IncidentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CorrectiveAction" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "incidentId" TEXT,
    "description" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    "status" "CorrectiveActionStatus" NOT NULL DEFAULT 'open',
    "completedAt" TIMESTAMP(3),
    "createdVia" "Channel" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CorrectiveAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingRecord" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "course" TEXT NOT NULL,
    "completedOn" DATE NOT NULL,
    "validUntil" DATE,
    "provider" TEXT,
    "evidenceLink" TEXT,
    "createdVia" "Channel" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IncidentEvent_incidentId_id_idx" ON "IncidentEvent"("incidentId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "CorrectiveAction_reference_key" ON "CorrectiveAction"("reference");

-- CreateIndex
CREATE INDEX "CorrectiveAction_ownerId_status_idx" ON "CorrectiveAction"("ownerId", "status");

-- CreateIndex
CREATE INDEX "CorrectiveAction_dueDate_idx" ON "CorrectiveAction"("dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingRecord_reference_key" ON "TrainingRecord"("reference");

-- CreateIndex
CREATE INDEX "TrainingRecord_personId_idx" ON "TrainingRecord"("personId");

-- CreateIndex
CREATE INDEX "TrainingRecord_validUntil_idx" ON "TrainingRecord"("validUntil");

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentEvent" ADD CONSTRAINT "IncidentEvent_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorrectiveAction" ADD CONSTRAINT "CorrectiveAction_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorrectiveAction" ADD CONSTRAINT "CorrectiveAction_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRecord" ADD CONSTRAINT "TrainingRecord_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The incident timeline is evidence, like the change history: the database refuses to rewrite it.
CREATE FUNCTION "incident_event_is_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'IncidentEvent is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "IncidentEvent_append_only"
  BEFORE UPDATE OR DELETE ON "IncidentEvent"
  FOR EACH ROW EXECUTE FUNCTION "incident_event_is_append_only"();

CREATE TRIGGER "IncidentEvent_no_truncate"
  BEFORE TRUNCATE ON "IncidentEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "incident_event_is_append_only"();
