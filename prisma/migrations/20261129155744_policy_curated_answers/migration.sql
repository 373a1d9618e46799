-- AlterTable
ALTER TABLE "PolicyQuestion" ADD COLUMN     "answeredAt" TIMESTAMP(3),
ADD COLUMN     "curatedAnswerId" TEXT,
ADD COLUMN     "reference" TEXT;

-- CreateTable
CREATE TABLE "CuratedPolicyAnswer" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "sectionRef" TEXT,
    "answeredById" TEXT,
    "answeredByLabel" TEXT NOT NULL,
    "answeredAt" TIMESTAMP(3) NOT NULL,
    "retiredAt" TIMESTAMP(3),
    "timesGiven" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CuratedPolicyAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CuratedPolicyAnswer_reference_key" ON "CuratedPolicyAnswer"("reference");

-- CreateIndex
CREATE INDEX "CuratedPolicyAnswer_retiredAt_idx" ON "CuratedPolicyAnswer"("retiredAt");

-- CreateIndex
CREATE UNIQUE INDEX "PolicyQuestion_reference_key" ON "PolicyQuestion"("reference");
