-- CreateTable
CREATE TABLE "ProjectAvatarLink" (
    "projectId" TEXT NOT NULL,
    "avatarId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectAvatarLink_pkey" PRIMARY KEY ("projectId","avatarId")
);

-- CreateIndex
CREATE INDEX "ProjectAvatarLink_avatarId_idx" ON "ProjectAvatarLink"("avatarId");

-- AddForeignKey
ALTER TABLE "ProjectAvatarLink" ADD CONSTRAINT "ProjectAvatarLink_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectAvatarLink" ADD CONSTRAINT "ProjectAvatarLink_avatarId_fkey" FOREIGN KEY ("avatarId") REFERENCES "Avatar"("id") ON DELETE CASCADE ON UPDATE CASCADE;
