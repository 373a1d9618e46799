-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "attachmentName" TEXT;
