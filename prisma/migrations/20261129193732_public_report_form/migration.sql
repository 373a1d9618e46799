-- AlterEnum
ALTER TYPE "Channel" ADD VALUE 'public_form';

-- CreateTable
CREATE TABLE "ExternalReporterContact" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "name" TEXT,
    "email" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExternalReporterContact_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ExternalReporterContact_incidentId_key" ON "ExternalReporterContact"("incidentId");

-- AddForeignKey
ALTER TABLE "ExternalReporterContact" ADD CONSTRAINT "ExternalReporterContact_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
