-- AlterTable
ALTER TABLE "AiSystem" ADD COLUMN     "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[];
