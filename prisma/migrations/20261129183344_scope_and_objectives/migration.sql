-- CreateEnum
CREATE TYPE "ObjectiveStatus" AS ENUM ('not_started', 'on_track', 'at_risk', 'achieved', 'missed', 'withdrawn');

-- CreateTable
CREATE TABLE "AimsScope" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "boundaries" TEXT NOT NULL,
    "systemsInScope" TEXT NOT NULL,
    "rolesInScope" TEXT NOT NULL,
    "exclusions" JSONB NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdVia" "Channel" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AimsScope_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AiObjective" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "objective" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "measure" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "ObjectiveStatus" NOT NULL DEFAULT 'not_started',
    "progressNote" TEXT,
    "createdVia" "Channel" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AiObjective_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AimsScope_reference_key" ON "AimsScope"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "AiObjective_reference_key" ON "AiObjective"("reference");

-- CreateIndex
CREATE INDEX "AiObjective_status_dueOn_idx" ON "AiObjective"("status", "dueOn");

-- AddForeignKey
ALTER TABLE "AiObjective" ADD CONSTRAINT "AiObjective_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
