-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('open', 'closed');

-- CreateTable
CREATE TABLE "PolicyDocument" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "ownerId" TEXT,
    "approverId" TEXT,
    "nextReviewOn" DATE,
    "summary" TEXT,
    "present" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PolicyDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PolicyVersion" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "statedVersion" TEXT,
    "contentHash" TEXT NOT NULL,
    "detectedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "approvedById" TEXT,
    "approvedOn" DATE,

    CONSTRAINT "PolicyVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AcknowledgementCampaign" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "CampaignStatus" NOT NULL DEFAULT 'open',
    "startedById" TEXT,
    "createdVia" "Channel" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AcknowledgementCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Acknowledgement" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "acknowledgedAt" TIMESTAMP(3),
    "channel" "Channel",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Acknowledgement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PolicyDocument_reference_key" ON "PolicyDocument"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "PolicyDocument_fileName_key" ON "PolicyDocument"("fileName");

-- CreateIndex
CREATE UNIQUE INDEX "PolicyVersion_reference_key" ON "PolicyVersion"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "PolicyVersion_documentId_number_key" ON "PolicyVersion"("documentId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "AcknowledgementCampaign_reference_key" ON "AcknowledgementCampaign"("reference");

-- CreateIndex
CREATE INDEX "AcknowledgementCampaign_status_idx" ON "AcknowledgementCampaign"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Acknowledgement_campaignId_personId_key" ON "Acknowledgement"("campaignId", "personId");

-- AddForeignKey
ALTER TABLE "PolicyDocument" ADD CONSTRAINT "PolicyDocument_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyDocument" ADD CONSTRAINT "PolicyDocument_approverId_fkey" FOREIGN KEY ("approverId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyVersion" ADD CONSTRAINT "PolicyVersion_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "PolicyDocument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyVersion" ADD CONSTRAINT "PolicyVersion_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcknowledgementCampaign" ADD CONSTRAINT "AcknowledgementCampaign_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "PolicyDocument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcknowledgementCampaign" ADD CONSTRAINT "AcknowledgementCampaign_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PolicyVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcknowledgementCampaign" ADD CONSTRAINT "AcknowledgementCampaign_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Acknowledgement" ADD CONSTRAINT "Acknowledgement_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "AcknowledgementCampaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Acknowledgement" ADD CONSTRAINT "Acknowledgement_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
