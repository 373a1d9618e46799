-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('pending', 'sending', 'sent', 'dead');

-- CreateEnum
CREATE TYPE "ReviewKind" AS ENUM ('internal_audit', 'management_review');

-- CreateEnum
CREATE TYPE "ScheduledReviewStatus" AS ENUM ('planned', 'held', 'cancelled');

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "actions" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "fannedOutAt" TIMESTAMP(3),
ADD COLUMN     "notBefore" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "managerId" TEXT;

-- CreateTable
CREATE TABLE "NotificationDelivery" (
    "id" TEXT NOT NULL,
    "notificationId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderState" (
    "itemKey" TEXT NOT NULL,
    "snoozedUntil" TIMESTAMP(3),
    "sent" INTEGER NOT NULL DEFAULT 0,
    "dueOn" DATE,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReminderState_pkey" PRIMARY KEY ("itemKey")
);

-- CreateTable
CREATE TABLE "ScheduledReview" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "kind" "ReviewKind" NOT NULL,
    "scheduledOn" DATE NOT NULL,
    "scope" TEXT NOT NULL,
    "leadId" TEXT,
    "status" "ScheduledReviewStatus" NOT NULL DEFAULT 'planned',
    "createdVia" "Channel" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScheduledReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DigestSubscription" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "subscribedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DigestSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "NotificationDelivery_status_nextAttemptAt_idx" ON "NotificationDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationDelivery_notificationId_platform_target_key" ON "NotificationDelivery"("notificationId", "platform", "target");

-- CreateIndex
CREATE UNIQUE INDEX "ScheduledReview_reference_key" ON "ScheduledReview"("reference");

-- CreateIndex
CREATE INDEX "ScheduledReview_scheduledOn_idx" ON "ScheduledReview"("scheduledOn");

-- CreateIndex
CREATE UNIQUE INDEX "DigestSubscription_platform_channelId_key" ON "DigestSubscription"("platform", "channelId");

-- CreateIndex
CREATE INDEX "Notification_fannedOutAt_idx" ON "Notification"("fannedOutAt");

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationDelivery" ADD CONSTRAINT "NotificationDelivery_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "Notification"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduledReview" ADD CONSTRAINT "ScheduledReview_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
