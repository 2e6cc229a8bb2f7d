// fal webhook deliveries, as recorded before their job runs: hand-written statements, since each is on the
// path from a webhook to its event (bench:status), and Prisma's query pipeline costs more than the statement.
import { randomUUID } from 'node:crypto';
import type { SqlRows } from '../db.ts';
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
  // receivedAt as a UTC wall time, as Prisma writes it (the column's own default is the session's time zone).
  const rows = await sql<{ id: string }>(Prisma.sql`
    INSERT INTO "FalWebhookDelivery" ("id", "requestId", "bodySha256", "status", "target", "body", "receivedAt")
    VALUES (${randomUUID()}, ${d.requestId}, ${d.bodySha256}, ${d.status}, ${d.target},
            ${JSON.stringify(d.body)}::jsonb, ${new Date().toISOString()}::timestamp(3))
    ON CONFLICT ("requestId", "bodySha256") DO NOTHING
    RETURNING "id"`);
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
    UPDATE "FalWebhookDelivery" SET "processedAt" = ${new Date().toISOString()}::timestamp(3) WHERE "id" = ${id}`);
}
