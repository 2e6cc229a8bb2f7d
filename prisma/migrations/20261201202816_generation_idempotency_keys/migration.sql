-- AlterTable
ALTER TABLE "BRoll" ADD COLUMN     "idempotencyKey" TEXT;

-- AlterTable
ALTER TABLE "Image" ADD COLUMN     "idempotencyKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "BRoll_userId_idempotencyKey_key" ON "BRoll"("userId", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "Image_userId_idempotencyKey_key" ON "Image"("userId", "idempotencyKey");
