-- CreateTable
CREATE TABLE "PolicyQuestion" (
    "id" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "answered" BOOLEAN NOT NULL,
    "source" TEXT NOT NULL,
    "citations" JSONB NOT NULL DEFAULT '[]',
    "personId" TEXT,
    "channel" "Channel" NOT NULL,
    "routedAt" TIMESTAMP(3),
    "feedback" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PolicyQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PolicyQuestion_answered_createdAt_idx" ON "PolicyQuestion"("answered", "createdAt");
