-- AlterEnum
ALTER TYPE "GenerationStatus" ADD VALUE 'CANCELLED';

-- CreateTable
CREATE TABLE "GenerationProgress" (
    "kind" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "falModel" TEXT NOT NULL,
    "falRequestId" TEXT NOT NULL,
    "queuePosition" INTEGER,
    "startedAt" TIMESTAMP(3),
    "logs" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "cancelRequestedAt" TIMESTAMP(3),
    "polledAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GenerationProgress_pkey" PRIMARY KEY ("kind","targetId")
);

-- CreateIndex
CREATE INDEX "GenerationProgress_polledAt_idx" ON "GenerationProgress"("polledAt");

-- CreateIndex
CREATE INDEX "GenerationAttempt_falModel_status_finishedAt_idx" ON "GenerationAttempt"("falModel", "status", "finishedAt");
