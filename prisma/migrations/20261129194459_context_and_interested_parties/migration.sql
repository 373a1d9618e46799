-- CreateEnum
CREATE TYPE "ContextIssueKind" AS ENUM ('internal', 'external');

-- CreateTable
CREATE TABLE "ContextIssue" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "kind" "ContextIssueKind" NOT NULL,
    "description" TEXT NOT NULL,
    "effect" TEXT NOT NULL,
    "reviewOn" DATE NOT NULL,
    "createdVia" "Channel" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContextIssue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InterestedParty" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "requirements" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "reviewOn" DATE NOT NULL,
    "createdVia" "Channel" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InterestedParty_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ContextIssue_reference_key" ON "ContextIssue"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "InterestedParty_reference_key" ON "InterestedParty"("reference");
