-- AlterEnum
ALTER TYPE "LifecycleStage" ADD VALUE 'pilot' BEFORE 'in_production';
