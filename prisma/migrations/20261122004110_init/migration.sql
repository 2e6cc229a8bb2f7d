-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');

-- CreateEnum
CREATE TYPE "Visibility" AS ENUM ('PUBLIC', 'PRIVATE');

-- CreateEnum
CREATE TYPE "GenerationStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "BRollSource" AS ENUM ('TEXT_TO_VIDEO', 'IMAGE_TO_VIDEO');

-- CreateEnum
CREATE TYPE "ImageSource" AS ENUM ('TEXT_TO_IMAGE', 'IMAGE_TO_IMAGE', 'UPLOAD');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'USER',
    "passwordHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "scopes" TEXT[],
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TagCategory" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TagCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tag" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Tag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Avatar" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "visibility" "Visibility" NOT NULL,
    "status" "GenerationStatus" NOT NULL DEFAULT 'PENDING',
    "failureReason" TEXT,
    "imageStoragePath" TEXT,
    "videoStoragePath" TEXT,
    "idempotencyKey" TEXT,
    "falModel" TEXT,
    "falRequestId" TEXT,
    "submittedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "estimatedCostUsd" DECIMAL(10,4),
    "userId" TEXT,
    "projectId" TEXT,
    "sourceImageId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Avatar_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AvatarTag" (
    "avatarId" TEXT NOT NULL,
    "tagId" TEXT NOT NULL,

    CONSTRAINT "AvatarTag_pkey" PRIMARY KEY ("avatarId","tagId")
);

-- CreateTable
CREATE TABLE "BRoll" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prompt" TEXT NOT NULL,
    "source" "BRollSource" NOT NULL,
    "status" "GenerationStatus" NOT NULL DEFAULT 'PENDING',
    "failureReason" TEXT,
    "imageStoragePath" TEXT,
    "videoStoragePath" TEXT,
    "thumbnailStoragePath" TEXT,
    "durationSeconds" INTEGER,
    "aspectRatio" TEXT,
    "falModel" TEXT,
    "falRequestId" TEXT,
    "submittedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "estimatedCostUsd" DECIMAL(10,4),
    "userId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BRoll_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Image" (
    "id" TEXT NOT NULL,
    "source" "ImageSource" NOT NULL,
    "prompt" TEXT,
    "aspectRatio" TEXT,
    "strength" DOUBLE PRECISION,
    "status" "GenerationStatus" NOT NULL DEFAULT 'PENDING',
    "failureReason" TEXT,
    "storagePath" TEXT,
    "contentType" TEXT,
    "byteSize" INTEGER,
    "width" INTEGER,
    "height" INTEGER,
    "nsfw" BOOLEAN NOT NULL DEFAULT false,
    "falModel" TEXT,
    "falRequestId" TEXT,
    "submittedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "estimatedCostUsd" DECIMAL(10,4),
    "parentId" TEXT,
    "userId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Image_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FalWebhookDelivery" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "bodySha256" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "FalWebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_prefix_key" ON "ApiKey"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_keyHash_key" ON "ApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "ApiKey_createdById_idx" ON "ApiKey"("createdById");

-- CreateIndex
CREATE INDEX "Project_ownerId_createdAt_id_idx" ON "Project"("ownerId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "TagCategory_slug_key" ON "TagCategory"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Tag_slug_key" ON "Tag"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Tag_categoryId_slug_key" ON "Tag"("categoryId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "Avatar_falRequestId_key" ON "Avatar"("falRequestId");

-- CreateIndex
CREATE INDEX "Avatar_status_visibility_createdAt_id_idx" ON "Avatar"("status", "visibility", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Avatar_status_visibility_name_id_idx" ON "Avatar"("status", "visibility", "name", "id");

-- CreateIndex
CREATE INDEX "Avatar_userId_createdAt_id_idx" ON "Avatar"("userId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Avatar_projectId_createdAt_id_idx" ON "Avatar"("projectId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Avatar_status_submittedAt_idx" ON "Avatar"("status", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Avatar_userId_idempotencyKey_key" ON "Avatar"("userId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "AvatarTag_tagId_avatarId_idx" ON "AvatarTag"("tagId", "avatarId");

-- CreateIndex
CREATE UNIQUE INDEX "BRoll_falRequestId_key" ON "BRoll"("falRequestId");

-- CreateIndex
CREATE INDEX "BRoll_projectId_createdAt_id_idx" ON "BRoll"("projectId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "BRoll_userId_createdAt_id_idx" ON "BRoll"("userId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "BRoll_status_submittedAt_idx" ON "BRoll"("status", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Image_falRequestId_key" ON "Image"("falRequestId");

-- CreateIndex
CREATE INDEX "Image_projectId_createdAt_id_idx" ON "Image"("projectId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Image_userId_createdAt_id_idx" ON "Image"("userId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Image_status_submittedAt_idx" ON "Image"("status", "submittedAt");

-- CreateIndex
CREATE INDEX "FalWebhookDelivery_requestId_idx" ON "FalWebhookDelivery"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "FalWebhookDelivery_requestId_bodySha256_key" ON "FalWebhookDelivery"("requestId", "bodySha256");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tag" ADD CONSTRAINT "Tag_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "TagCategory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Avatar" ADD CONSTRAINT "Avatar_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Avatar" ADD CONSTRAINT "Avatar_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AvatarTag" ADD CONSTRAINT "AvatarTag_avatarId_fkey" FOREIGN KEY ("avatarId") REFERENCES "Avatar"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AvatarTag" ADD CONSTRAINT "AvatarTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BRoll" ADD CONSTRAINT "BRoll_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BRoll" ADD CONSTRAINT "BRoll_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Image" ADD CONSTRAINT "Image_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Image" ADD CONSTRAINT "Image_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Image" ADD CONSTRAINT "Image_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Image"("id") ON DELETE SET NULL ON UPDATE CASCADE;
