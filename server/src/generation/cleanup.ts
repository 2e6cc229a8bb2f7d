// The TTL sweep of the image studio (run by a pg-boss schedule): studio images never used as a
// reference, and uploads that were never registered, are deleted once older than the TTL.
import type { Logger } from 'pino';
import { generationTables } from '../domain/generations/registry.ts';
import { generationChanged } from '../domain/events.ts';
import { sqlIdent } from '../db.ts';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import type { PubSub } from '../graphql/pubsub.ts';
import { gen } from '../log.ts';
import type { Storage } from '../storage/storage.ts';

export const TEMP_PREFIX = 'images/temp-generated/';
const BATCH = 500;

export interface SweepResult {
  rows: number;
  objects: number;
}

/**
 * Rows first, then their objects. A row deleted whose object then fails to go leaves an object
 * without a row, which the second pass of this sweep (or the next run) removes, because it finds
 * objects by listing storage, not by reading rows. The other order could leave a row pointing at
 * a deleted object, which a user might still pick as a reference in between.
 * "Used" = named by a generation table's studio image reference (an avatar's sourceImageId, a
 * b-roll's imageStoragePath, read at retry): see the tables in domain/generations/tables/.
 */
export async function sweepTempImages(
  deps: { db: PrismaClient; log: Logger; storage: Storage; pubsub?: PubSub },
  ttlMs: number,
  now = Date.now(),
): Promise<SweepResult> {
  const { db, log } = deps;
  const cutoff = new Date(now - ttlMs);
  const refs = generationTables.flatMap((t) => (t.studioImageRef ? [{ table: t.sqlName, ...t.studioImageRef }] : []));
  const unused = refs.map((r) => {
    const refersTo = Prisma.sql`x.${sqlIdent(r.column)} = c.${sqlIdent(r.by === 'id' ? 'id' : 'storagePath')}`;
    return Prisma.sql`NOT EXISTS (SELECT 1 FROM ${sqlIdent(r.table)} x WHERE ${refersTo})`;
  });
  const namedBy = (keys: string[]) =>
    refs
      .filter((r) => r.by === 'storagePath')
      .map((r) => {
        const column = sqlIdent(r.column);
        return Prisma.sql` UNION SELECT ${column} FROM ${sqlIdent(r.table)} WHERE ${column} = ANY(${keys})`;
      });
  let rows = 0;
  for (;;) {
    const deleted = await db.$queryRaw<{ id: string; storagePath: string | null; projectId: string }[]>`
      DELETE FROM "Image" i
       WHERE i.id IN (
         SELECT c.id FROM "Image" c
          WHERE c."createdAt" < ${cutoff} AND c.status <> 'PENDING'
            AND ${Prisma.join(unused, ' AND ')}
          LIMIT ${BATCH})
      RETURNING i.id, i."storagePath", i."projectId"`;
    if (!deleted.length) break;
    rows += deleted.length;
    await deps.storage.remove(deleted.map((d) => d.storagePath).filter((k): k is string => !!k));
    for (const d of deleted) {
      if (deps.pubsub)
        await generationChanged({ pubsub: deps.pubsub }, { kind: 'IMAGE', id: d.id, projectId: d.projectId });
      log.info(
        { event: 'cleanup.temp_image_expired', ...gen('IMAGE', d.id), key: d.storagePath },
        'expired studio image deleted (row and object)',
      );
    }
    if (deleted.length < BATCH) break;
  }

  // Objects under the temp prefix, older than the TTL, that no row names: unregistered uploads, and
  // anything a failed deletion left behind.
  const old = (await deps.storage.listWithDates(TEMP_PREFIX)).filter((o) => o.lastModified < cutoff).map((o) => o.key);
  let objects = 0;
  for (let i = 0; i < old.length; i += BATCH) {
    const keys = old.slice(i, i + BATCH);
    const named = await db.$queryRaw<{ k: string }[]>`
      SELECT "storagePath" AS k FROM "Image" WHERE "storagePath" = ANY(${keys})${Prisma.join(namedBy(keys), '')}`;
    const keep = new Set(named.map((r) => r.k));
    const orphans = keys.filter((k) => !keep.has(k));
    await deps.storage.remove(orphans);
    objects += orphans.length;
    for (const key of orphans)
      log.info({ event: 'cleanup.orphan_object', key }, 'expired object without a row deleted');
  }
  if (rows || objects)
    log.info({ event: 'cleanup.done', rows, objects, cutoff: cutoff.toISOString() }, 'temp image sweep');
  return { rows, objects };
}
