-- CreateEnum
CREATE TYPE "VideoQuality" AS ENUM ('STANDARD', 'FAST');

-- AlterEnum
ALTER TYPE "ImageSource" ADD VALUE 'INSTRUCTION_EDIT';

-- AlterTable
ALTER TABLE "Avatar" ADD COLUMN     "aspectRatio" TEXT,
ADD COLUMN     "durationSeconds" INTEGER,
ADD COLUMN     "quality" "VideoQuality" NOT NULL DEFAULT 'STANDARD',
ADD COLUMN     "seed" INTEGER;

-- AlterTable
ALTER TABLE "BRoll" ADD COLUMN     "quality" "VideoQuality" NOT NULL DEFAULT 'STANDARD',
ADD COLUMN     "seed" INTEGER;

-- AlterTable
ALTER TABLE "Image" ADD COLUMN     "seed" INTEGER;
