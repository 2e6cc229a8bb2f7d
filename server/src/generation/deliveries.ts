// fal webhook deliveries, as recorded before their job runs: hand-written statements, since each is on the
// path from a webhook to its event (bench:status), and Prisma's query pipeline costs more than the statement.
import { randomUUID } from 'node:crypto';
import { type SqlRows, sqlTimestamp } from '../db.ts';
import { Prisma } from '../generated/prisma/client.ts';

export interface RecordedBody {
  status?: 'OK' | 'ERROR';
  payload?: unknown;
  error?: string | null;
}

export interface Delivery {
  id: string;
  requestId: string;
  target: string | null;
  body: RecordedBody;
  processedAt: Date | null;
}

/** Records a delivery once per (request, body): its id, or null for a replay of a body already recorded. */
export async function recordDelivery(
  sql: SqlRows,
  d: { requestId: string; bodySha256: string; status: string; target: string | null; body: object },
): Promise<string | null> {
  // receivedAt given, not the column's default: that is the session's time zone, not UTC.
  const rows = await sql<{ id: string }>(Prisma.sql`
    INSERT INTO "FalWebhookDelivery" ("id", "requestId", "bodySha256", "status", "target", "body", "receivedAt")
    VALUES (${randomUUID()}, ${d.requestId}, ${d.bodySha256}, ${d.status}, ${d.target},
            ${JSON.stringify(d.body)}::jsonb, ${sqlTimestamp()})
    ON CONFLICT ("requestId", "bodySha256") DO NOTHING
    RETURNING "id"`);
  return rows[0]?.id ?? null;
}

/** The delivery already recorded for this (request, body): a replay's. */
export async function recordedDeliveryId(sql: SqlRows, requestId: string, bodySha256: string): Promise<string | null> {
  const rows = await sql<{ id: string }>(Prisma.sql`
    SELECT "id" FROM "FalWebhookDelivery" WHERE "requestId" = ${requestId} AND "bodySha256" = ${bodySha256}`);
  return rows[0]?.id ?? null;
}

export async function deliveryById(sql: SqlRows, id: string): Promise<Delivery | null> {
  const rows = await sql<Delivery>(Prisma.sql`
    SELECT "id", "requestId", "target", "body", "processedAt" AT TIME ZONE 'UTC' AS "processedAt"
      FROM "FalWebhookDelivery" WHERE "id" = ${id}`);
  return rows[0] ?? null;
}

export async function markProcessed(sql: SqlRows, id: string): Promise<void> {
  await sql(Prisma.sql`
    UPDATE "FalWebhookDelivery" SET "processedAt" = ${sqlTimestamp()} WHERE "id" = ${id}`);
}
