-- CreateIndex
CREATE INDEX "InboxMessage_processedAt_platform_id_idx" ON "InboxMessage"("processedAt", "platform", "id");
