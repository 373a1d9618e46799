-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "attachment" BYTEA;
