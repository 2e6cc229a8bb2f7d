-- AlterTable
ALTER TABLE "Avatar" ADD COLUMN     "createdById" TEXT;

-- CreateIndex
CREATE INDEX "Avatar_createdById_submittedAt_idx" ON "Avatar"("createdById", "submittedAt");

-- CreateIndex
CREATE INDEX "Image_createdAt_idx" ON "Image"("createdAt");
