// Recording a submission is one SQL statement: the rows' request id, their ledger attempts and the start of
// their progress polling commit together or not at all (one round trip instead of a five-statement
// interactive transaction, on the path every createAvatar takes).
import { sqlIdent, sqlTimestamp } from '../../db.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import type { Submitted } from './table.ts';
import type { GenerationSubject } from './types.ts';

/**
 * The statement that records fal's request for rows `ids` of table `sqlName` (one row, or the variants sharing
 * the request). A row still PENDING gets the request and its progress row; each row's attempt not yet
 * submitted gets it too (a very fast result may have finished the attempt already: it is still this
 * request's). It returns `n`, the number of rows that were still PENDING.
 */
export function submitStatement(
  sqlName: string,
  kind: GenerationSubject,
  ids: readonly string[],
  data: Submitted,
): Prisma.Sql {
  const at = sqlTimestamp(data.submittedAt);
  const request = Prisma.sql`"falRequestId" = ${data.falRequestId}, "submittedAt" = ${at},
    "falModel" = ${data.falModel}, "estimatedCostUsd" = ${data.estimatedCostUsd}`;
  return Prisma.sql`
    WITH moved AS (
      UPDATE ${sqlIdent(sqlName)} SET ${request}, "updatedAt" = ${at}
       WHERE "id" = ANY(${ids}::text[]) AND "status" = 'PENDING'
      RETURNING "id"
    ), attempt AS (
      UPDATE "GenerationAttempt" SET ${request}
       WHERE "kind" = ${kind} AND "targetId" = ANY(${ids}::text[]) AND "submittedAt" IS NULL
         AND ("status" = 'PENDING' OR "falRequestId" = ${data.falRequestId})
    ), progress AS (
      INSERT INTO "GenerationProgress" ("kind", "targetId", "falModel", "falRequestId", "polledAt", "createdAt")
      SELECT ${kind}, "id", ${data.falModel}, ${data.falRequestId}, ${at}, ${at} FROM moved
      ON CONFLICT ("kind", "targetId")
        DO UPDATE SET "falModel" = EXCLUDED."falModel", "falRequestId" = EXCLUDED."falRequestId"
    )
    SELECT count(*)::int AS n FROM moved`;
}
