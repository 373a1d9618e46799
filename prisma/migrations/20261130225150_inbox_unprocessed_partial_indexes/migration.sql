-- DropIndex
DROP INDEX "InboxMessage_processedAt_lane_id_idx";

-- DropIndex
DROP INDEX "InboxMessage_processedAt_platform_id_idx";

-- CreateIndex
CREATE INDEX "InboxMessage_lane_id_idx" ON "InboxMessage"("lane", "id") WHERE ("processedAt" IS NULL);

-- CreateIndex
CREATE INDEX "InboxMessage_platform_id_idx" ON "InboxMessage"("platform", "id") WHERE ("processedAt" IS NULL);
