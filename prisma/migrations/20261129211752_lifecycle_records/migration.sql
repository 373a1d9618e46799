-- CreateEnum
CREATE TYPE "LifecycleRecordKind" AS ENUM ('requirements', 'design_decision', 'verification', 'deployment_plan', 'monitoring_plan', 'technical_documentation', 'event_logging');

-- CreateEnum
CREATE TYPE "ThresholdComparison" AS ENUM ('at_least', 'at_most');

-- CreateTable
CREATE TABLE "LifecycleRecord" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "supersededAt" TIMESTAMP(3),
    "systemId" TEXT NOT NULL,
    "kind" "LifecycleRecordKind" NOT NULL,
    "summary" TEXT NOT NULL,
    "rationale" TEXT,
    "link" TEXT,
    "metric" TEXT,
    "thresholdComparison" "ThresholdComparison",
    "thresholdValue" DOUBLE PRECISION,
    "resultValue" DOUBLE PRECISION,
    "unit" TEXT,
    "passed" BOOLEAN,
    "acceptedById" TEXT,
    "acceptedAt" TIMESTAMP(3),
    "watches" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "frequency" TEXT,
    "responsibleId" TEXT,
    "logLocation" TEXT,
    "retention" TEXT,
    "recordedById" TEXT,
    "createdVia" "Channel" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LifecycleRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LifecycleRecord_systemId_kind_idx" ON "LifecycleRecord"("systemId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "LifecycleRecord_reference_version_key" ON "LifecycleRecord"("reference", "version");

-- AddForeignKey
ALTER TABLE "LifecycleRecord" ADD CONSTRAINT "LifecycleRecord_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "AiSystem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LifecycleRecord" ADD CONSTRAINT "LifecycleRecord_acceptedById_fkey" FOREIGN KEY ("acceptedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LifecycleRecord" ADD CONSTRAINT "LifecycleRecord_responsibleId_fkey" FOREIGN KEY ("responsibleId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LifecycleRecord" ADD CONSTRAINT "LifecycleRecord_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
