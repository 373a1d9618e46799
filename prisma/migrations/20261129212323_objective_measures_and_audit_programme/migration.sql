-- CreateEnum
CREATE TYPE "MeasurementFrequency" AS ENUM ('weekly', 'monthly', 'quarterly', 'half_yearly', 'yearly');

-- AlterTable
ALTER TABLE "AiObjective" ADD COLUMN     "frequency" "MeasurementFrequency",
ADD COLUMN     "metric" TEXT,
ADD COLUMN     "targetAtMost" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "targetUnit" TEXT,
ADD COLUMN     "targetValue" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "ScheduledReview" ADD COLUMN     "areaOwnerId" TEXT,
ADD COLUMN     "auditorIds" TEXT[],
ADD COLUMN     "criteria" TEXT,
ADD COLUMN     "independenceConflicts" TEXT[],
ADD COLUMN     "independenceJustification" TEXT,
ADD COLUMN     "scopeSystems" TEXT[];

-- CreateTable
CREATE TABLE "ObjectiveMeasurement" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "objectiveId" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "unit" TEXT,
    "measuredOn" DATE NOT NULL,
    "targetValue" DOUBLE PRECISION,
    "targetAtMost" BOOLEAN NOT NULL DEFAULT false,
    "met" BOOLEAN,
    "note" TEXT,
    "recordedById" TEXT NOT NULL,
    "recordedVia" "Channel" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ObjectiveMeasurement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ObjectiveMeasurement_reference_key" ON "ObjectiveMeasurement"("reference");

-- CreateIndex
CREATE INDEX "ObjectiveMeasurement_objectiveId_measuredOn_idx" ON "ObjectiveMeasurement"("objectiveId", "measuredOn");

-- AddForeignKey
ALTER TABLE "ObjectiveMeasurement" ADD CONSTRAINT "ObjectiveMeasurement_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "AiObjective"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObjectiveMeasurement" ADD CONSTRAINT "ObjectiveMeasurement_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
