-- CreateEnum
CREATE TYPE "ExportStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "ProjectExport" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "status" "ExportStatus" NOT NULL DEFAULT 'PENDING',
    "failureReason" TEXT,
    "storagePath" TEXT,
    "byteSize" BIGINT,
    "itemCount" INTEGER,
    "finishedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProjectExport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProjectExport_projectId_createdAt_id_idx" ON "ProjectExport"("projectId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "ProjectExport_status_createdAt_idx" ON "ProjectExport"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ProjectExport_expiresAt_idx" ON "ProjectExport"("expiresAt");

-- AddForeignKey
ALTER TABLE "ProjectExport" ADD CONSTRAINT "ProjectExport_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectExport" ADD CONSTRAINT "ProjectExport_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
