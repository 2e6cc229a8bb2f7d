-- CreateTable
CREATE TABLE "GenerationAttempt" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "status" "GenerationStatus" NOT NULL DEFAULT 'PENDING',
    "falModel" TEXT,
    "falRequestId" TEXT,
    "estimatedCostUsd" DECIMAL(10,4),
    "submittedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GenerationAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "GenerationAttempt_userId_createdAt_idx" ON "GenerationAttempt"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "GenerationAttempt_userId_submittedAt_idx" ON "GenerationAttempt"("userId", "submittedAt");

-- CreateIndex
CREATE INDEX "GenerationAttempt_submittedAt_idx" ON "GenerationAttempt"("submittedAt");

-- CreateIndex
CREATE INDEX "GenerationAttempt_targetId_status_idx" ON "GenerationAttempt"("targetId", "status");

-- CreateIndex
CREATE INDEX "Image_createdAt_idx" ON "Image"("createdAt");

-- AddForeignKey
ALTER TABLE "GenerationAttempt" ADD CONSTRAINT "GenerationAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: one attempt per existing generation of a known user (public avatars made before the
-- ledger have no recorded author). Uploads are not generations.
INSERT INTO "GenerationAttempt" ("id", "userId", "kind", "targetId", "status", "falModel", "falRequestId", "estimatedCostUsd", "submittedAt", "finishedAt", "createdAt")
SELECT 'backfill-image-' || "id", "userId", 'IMAGE', "id", "status", "falModel", "falRequestId", "estimatedCostUsd", "submittedAt", "finishedAt", "createdAt" FROM "Image" WHERE "source" <> 'UPLOAD'
UNION ALL
SELECT 'backfill-avatar-' || "id", "userId", 'AVATAR', "id", "status", "falModel", "falRequestId", "estimatedCostUsd", "submittedAt", "finishedAt", "createdAt" FROM "Avatar" WHERE "userId" IS NOT NULL
UNION ALL
SELECT 'backfill-broll-' || "id", "userId", 'BROLL', "id", "status", "falModel", "falRequestId", "estimatedCostUsd", "submittedAt", "finishedAt", "createdAt" FROM "BRoll";
