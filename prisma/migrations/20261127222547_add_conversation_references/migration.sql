-- CreateTable
CREATE TABLE "ConversationReference" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "personId" TEXT,
    "reference" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConversationReference_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConversationReference_personId_idx" ON "ConversationReference"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "ConversationReference_platform_conversationId_key" ON "ConversationReference"("platform", "conversationId");
