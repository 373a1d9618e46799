-- Every step moves a conversation's expiry and marks an inbox request processed. Without a B-tree
-- on those rows' times, the writes add no index entries for them (a conversation's can stay on its
-- page); pruning finds a day's requests through a BRIN summary of arrival times instead.

-- DropIndex
DROP INDEX "ConversationState_expiresAt_idx";

-- DropIndex
DROP INDEX "InboxMessage_receivedAt_idx";

-- CreateIndex
CREATE INDEX "InboxMessage_receivedAt_idx" ON "InboxMessage" USING BRIN ("receivedAt");
