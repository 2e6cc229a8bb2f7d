-- AlterTable
ALTER TABLE "FalWebhookDelivery" ADD COLUMN     "body" JSONB NOT NULL,
ADD COLUMN     "target" TEXT;
