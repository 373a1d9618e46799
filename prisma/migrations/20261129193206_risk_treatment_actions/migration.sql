-- CreateEnum
CREATE TYPE "TreatmentActionStatus" AS ENUM ('open', 'done', 'cancelled');

-- AlterTable
ALTER TABLE "Risk" ADD COLUMN     "residualSignedOffAt" TIMESTAMP(3),
ADD COLUMN     "residualSignedOffById" TEXT;

-- CreateTable
CREATE TABLE "TreatmentAction" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "riskId" TEXT NOT NULL,
    "control" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    "status" "TreatmentActionStatus" NOT NULL DEFAULT 'open',
    "completedAt" TIMESTAMP(3),
    "createdVia" "Channel" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TreatmentAction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TreatmentAction_reference_key" ON "TreatmentAction"("reference");

-- CreateIndex
CREATE INDEX "TreatmentAction_riskId_idx" ON "TreatmentAction"("riskId");

-- CreateIndex
CREATE INDEX "TreatmentAction_status_dueDate_idx" ON "TreatmentAction"("status", "dueDate");

-- AddForeignKey
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_residualSignedOffById_fkey" FOREIGN KEY ("residualSignedOffById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TreatmentAction" ADD CONSTRAINT "TreatmentAction_riskId_fkey" FOREIGN KEY ("riskId") REFERENCES "Risk"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TreatmentAction" ADD CONSTRAINT "TreatmentAction_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
