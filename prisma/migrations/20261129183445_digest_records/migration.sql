-- CreateTable
CREATE TABLE "DigestRecord" (
    "timeZone" TEXT NOT NULL,
    "weekStart" TEXT NOT NULL,
    "attention" JSONB NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DigestRecord_pkey" PRIMARY KEY ("timeZone","weekStart")
);
