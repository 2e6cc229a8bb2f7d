-- DropIndex
DROP INDEX "Image_falRequestId_key";

-- AlterTable
ALTER TABLE "BRoll" ADD COLUMN     "variantCount" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "variantGroupId" TEXT,
ADD COLUMN     "variantIndex" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Image" ADD COLUMN     "variantCount" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "variantGroupId" TEXT,
ADD COLUMN     "variantIndex" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "BRoll_variantGroupId_idx" ON "BRoll"("variantGroupId");

-- CreateIndex
CREATE INDEX "Image_variantGroupId_idx" ON "Image"("variantGroupId");

-- CreateIndex
CREATE UNIQUE INDEX "Image_falRequestId_variantIndex_key" ON "Image"("falRequestId", "variantIndex");
