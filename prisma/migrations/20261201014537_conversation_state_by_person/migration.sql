-- A person's open conversations are found by platform and person (App Home, /aims my), not by
-- expiry: columns a step never changes, so its write can still stay on its page.

-- CreateIndex
CREATE INDEX "ConversationState_platform_userId_idx" ON "ConversationState"("platform", "userId");
