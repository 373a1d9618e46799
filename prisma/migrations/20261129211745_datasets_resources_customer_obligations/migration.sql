-- CreateEnum
CREATE TYPE "LawfulBasis" AS ENUM ('consent', 'contract', 'legal_obligation', 'vital_interests', 'public_task', 'legitimate_interests', 'no_personal_data');

-- CreateEnum
CREATE TYPE "AiResourceKind" AS ENUM ('tooling', 'compute', 'human');

-- AlterTable
ALTER TABLE "Supplier" ADD COLUMN     "lastReviewedOn" DATE;

-- CreateTable
CREATE TABLE "Dataset" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "lawfulBasis" "LawfulBasis" NOT NULL,
    "provenance" TEXT NOT NULL,
    "qualityCriteria" TEXT NOT NULL,
    "qualityResults" TEXT,
    "preparation" TEXT NOT NULL,
    "retention" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "reviewOn" DATE NOT NULL,
    "lastReviewedOn" DATE,
    "createdVia" "Channel" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Dataset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AiResource" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "kind" "AiResourceKind" NOT NULL,
    "name" TEXT NOT NULL,
    "details" TEXT NOT NULL,
    "provider" TEXT,
    "createdVia" "Channel" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AiResource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerObligation" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "customer" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "promise" TEXT NOT NULL,
    "contractReference" TEXT,
    "ownerId" TEXT NOT NULL,
    "reviewOn" DATE NOT NULL,
    "lastReviewedOn" DATE,
    "createdVia" "Channel" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CustomerObligation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_AiSystemToDataset" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_AiSystemToDataset_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "Dataset_reference_key" ON "Dataset"("reference");

-- CreateIndex
CREATE INDEX "Dataset_reviewOn_idx" ON "Dataset"("reviewOn");

-- CreateIndex
CREATE UNIQUE INDEX "AiResource_reference_key" ON "AiResource"("reference");

-- CreateIndex
CREATE INDEX "AiResource_systemId_idx" ON "AiResource"("systemId");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerObligation_reference_key" ON "CustomerObligation"("reference");

-- CreateIndex
CREATE INDEX "CustomerObligation_systemId_idx" ON "CustomerObligation"("systemId");

-- CreateIndex
CREATE INDEX "CustomerObligation_reviewOn_idx" ON "CustomerObligation"("reviewOn");

-- CreateIndex
CREATE INDEX "_AiSystemToDataset_B_index" ON "_AiSystemToDataset"("B");

-- AddForeignKey
ALTER TABLE "Dataset" ADD CONSTRAINT "Dataset_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AiResource" ADD CONSTRAINT "AiResource_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "AiSystem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerObligation" ADD CONSTRAINT "CustomerObligation_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "AiSystem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerObligation" ADD CONSTRAINT "CustomerObligation_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_AiSystemToDataset" ADD CONSTRAINT "_AiSystemToDataset_A_fkey" FOREIGN KEY ("A") REFERENCES "AiSystem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_AiSystemToDataset" ADD CONSTRAINT "_AiSystemToDataset_B_fkey" FOREIGN KEY ("B") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;
