-- CreateTable
CREATE TABLE "Supplier" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "dueDiligenceDone" BOOLEAN NOT NULL DEFAULT false,
    "dueDiligenceOn" DATE,
    "contractReference" TEXT,
    "responsibilities" TEXT NOT NULL,
    "reviewDate" DATE NOT NULL,
    "ownerId" TEXT NOT NULL,
    "createdVia" "Channel" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Supplier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_AiSystemToSupplier" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_AiSystemToSupplier_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "Supplier_reference_key" ON "Supplier"("reference");

-- CreateIndex
CREATE INDEX "Supplier_reviewDate_idx" ON "Supplier"("reviewDate");

-- CreateIndex
CREATE INDEX "_AiSystemToSupplier_B_index" ON "_AiSystemToSupplier"("B");

-- AddForeignKey
ALTER TABLE "Supplier" ADD CONSTRAINT "Supplier_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_AiSystemToSupplier" ADD CONSTRAINT "_AiSystemToSupplier_A_fkey" FOREIGN KEY ("A") REFERENCES "AiSystem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_AiSystemToSupplier" ADD CONSTRAINT "_AiSystemToSupplier_B_fkey" FOREIGN KEY ("B") REFERENCES "Supplier"("id") ON DELETE CASCADE ON UPDATE CASCADE;
