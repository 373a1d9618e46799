-- CreateEnum
CREATE TYPE "ExternalRecipientKind" AS ENUM ('regulator', 'customer', 'affected_people', 'supplier', 'other');

-- CreateTable
CREATE TABLE "ExternalNotification" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "recipientKind" "ExternalRecipientKind" NOT NULL,
    "recipient" TEXT NOT NULL,
    "notifiedOn" DATE NOT NULL,
    "summary" TEXT NOT NULL,
    "notifiedById" TEXT NOT NULL,
    "link" TEXT,
    "createdVia" "Channel" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExternalNotification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ExternalNotification_reference_key" ON "ExternalNotification"("reference");

-- CreateIndex
CREATE INDEX "ExternalNotification_incidentId_idx" ON "ExternalNotification"("incidentId");

-- AddForeignKey
ALTER TABLE "ExternalNotification" ADD CONSTRAINT "ExternalNotification_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExternalNotification" ADD CONSTRAINT "ExternalNotification_notifiedById_fkey" FOREIGN KEY ("notifiedById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
