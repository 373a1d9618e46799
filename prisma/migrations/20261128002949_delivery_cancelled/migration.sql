-- AlterEnum
ALTER TYPE "DeliveryStatus" ADD VALUE 'cancelled';
