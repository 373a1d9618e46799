-- CreateEnum
CREATE TYPE "SystemChangeStatus" AS ENUM ('awaiting_approval', 'approved', 'rejected', 'recorded');

-- CreateTable
CREATE TABLE "SystemChange" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "changedFields" TEXT[],
    "details" JSONB NOT NULL,
    "tierBefore" "RiskTier",
    "tierAfter" "RiskTier",
    "reopenedApproval" BOOLEAN NOT NULL,
    "assessmentsAsked" TEXT[],
    "status" "SystemChangeStatus" NOT NULL,
    "requestedById" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdVia" "Channel" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SystemChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SystemChange_reference_key" ON "SystemChange"("reference");

-- CreateIndex
CREATE INDEX "SystemChange_systemId_idx" ON "SystemChange"("systemId");

-- CreateIndex
CREATE INDEX "SystemChange_status_idx" ON "SystemChange"("status");

-- AddForeignKey
ALTER TABLE "SystemChange" ADD CONSTRAINT "SystemChange_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "AiSystem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SystemChange" ADD CONSTRAINT "SystemChange_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SystemChange" ADD CONSTRAINT "SystemChange_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
