-- AlterTable
ALTER TABLE "AiSystem" ADD COLUMN     "userDocumentationUrl" TEXT;
