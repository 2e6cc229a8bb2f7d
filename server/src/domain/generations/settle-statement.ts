// Settling a row is one SQL statement: its move from PENDING, its ledger attempt, the end of its progress
// polling and what rides along (a consumed studio image) commit together or not at all. One statement instead
// of an interactive transaction: one round trip instead of six, the hot path of webhook → event.
import { sqlIdent as ident, sqlTimestamp } from '../../db.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import type { FinalStatus, Target } from './types.ts';

/** A value a settle writes into one of the row's own columns. */
export type ColumnValue = string | number | boolean | null;
/** A kind's result (its interface), each of its fields a column of its table. */
export type ColumnsOf<Data> = { readonly [K in keyof Data]: ColumnValue };
export type SettleColumns = Readonly<Record<string, ColumnValue>>;
/** A kind's result as the columns a settle writes. */
export const settleColumns = <Data extends ColumnsOf<Data>>(data: Data): SettleColumns =>
  // Every field of Data is a ColumnValue (its constraint); only its keys are not known here.
  Object.fromEntries(Object.entries(data as SettleColumns));

export interface SettleWrite {
  status: FinalStatus;
  /** The row's own result columns (a success's media), by column name. */
  columns?: SettleColumns;
  /**
   * Statements that run only when the row is settled: each is a data-modifying statement whose WHERE includes
   * `ifSettled` (the CTE `settled` holds the row's id when it moved from PENDING).
   */
  also?: readonly Prisma.Sql[];
}

/** For the WHERE of a statement in `also`. */
export const ifSettled = Prisma.sql`EXISTS (SELECT 1 FROM settled)`;

/** Still PENDING, for this request or not yet submitted. */
const openFor = (requestId: string | undefined) =>
  requestId ? Prisma.sql`AND ("falRequestId" = ${requestId} OR "falRequestId" IS NULL)` : Prisma.empty;

/**
 * The statement that settles row `target.id` of table `sqlName`; it returns `n`, 1 when the row was PENDING (for
 * `requestId`) and is now final, else 0 with nothing written.
 */
export function settleStatement(
  sqlName: string,
  target: Target,
  requestId: string | undefined,
  write: SettleWrite,
): Prisma.Sql {
  const now = sqlTimestamp();
  const status = Prisma.sql`${write.status}::"GenerationStatus"`;
  const request = requestId ? [Prisma.sql`"falRequestId" = ${requestId}`] : [];
  const sets = [
    Prisma.sql`"status" = ${status}`,
    Prisma.sql`"finishedAt" = ${now}`,
    Prisma.sql`"updatedAt" = ${now}`,
    ...request,
    ...Object.entries(write.columns ?? {}).map(([column, value]) => Prisma.sql`${ident(column)} = ${value}`),
  ];
  const also = (write.also ?? []).map((statement, i) => Prisma.sql`, ${Prisma.raw(`also_${i}`)} AS (${statement})`);
  const alsoSql = also.length ? Prisma.join(also, '') : Prisma.empty;
  return Prisma.sql`
    WITH settled AS (
      UPDATE ${ident(sqlName)} SET ${Prisma.join(sets, ', ')}
       WHERE "id" = ${target.id} AND "status" = 'PENDING' ${openFor(requestId)}
      RETURNING "id"
    ), attempt AS (
      UPDATE "GenerationAttempt" SET ${Prisma.join(
        [Prisma.sql`"status" = ${status}`, Prisma.sql`"finishedAt" = ${now}`, ...request],
        ', ',
      )}
       WHERE "kind" = ${target.kind} AND "targetId" = ${target.id} AND "status" = 'PENDING' ${openFor(requestId)}
         AND ${ifSettled}
    ), progress AS (
      DELETE FROM "GenerationProgress" WHERE "kind" = ${target.kind} AND "targetId" = ${target.id} AND ${ifSettled}
    )${alsoSql}
    SELECT count(*)::int AS n FROM settled`;
}
