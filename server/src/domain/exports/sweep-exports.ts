// The export sweep (a pg-boss schedule, CLEANUP_CRON): exports past their expiry go, row then object;
// an export PENDING past the job's run limit (its job lost) fails; any object under exports/ older than
// the TTL that no live export names goes too (what a failed deletion or a lost row left).
import { EXPORTS_PREFIX } from '../../storage/keys.ts';
import { exportChanged } from '../events.ts';
import { EXPORT_RUN_LIMIT_MS, type ExportDeps } from './build-export.ts';

export interface ExportSweep {
  expired: number;
  timedOut: number;
  objects: number;
}

export async function sweepExports(deps: ExportDeps, ttlMs: number, now = Date.now()): Promise<ExportSweep> {
  const { db, log, storage } = deps;
  const stuck = await db.projectExport.findMany({
    where: { status: 'PENDING', createdAt: { lt: new Date(now - EXPORT_RUN_LIMIT_MS) } },
    select: { id: true, projectId: true },
  });
  let timedOut = 0;
  for (const e of stuck) {
    const { count } = await db.projectExport.updateMany({
      where: { id: e.id, status: 'PENDING' },
      data: {
        status: 'FAILED',
        failureReason: 'Timed out: the export was not built. Try again.',
        finishedAt: new Date(now),
      },
    });
    timedOut += count;
    if (count) await exportChanged(deps, e);
  }

  const cutoff = new Date(now - ttlMs);
  const old = { OR: [{ expiresAt: { lte: new Date(now) } }, { status: 'FAILED' as const, createdAt: { lt: cutoff } }] };
  const expired = await db.projectExport.findMany({
    where: old,
    select: { id: true, projectId: true, storagePath: true },
  });
  if (expired.length) {
    await db.projectExport.deleteMany({ where: { id: { in: expired.map((e) => e.id) } } });
    await storage.remove(expired.flatMap((e) => (e.storagePath ? [e.storagePath] : [])));
    for (const e of expired) {
      await exportChanged(deps, e);
      log.info({ event: 'cleanup.export_expired', exportId: e.id, key: e.storagePath }, 'expired export deleted');
    }
  }

  const stale = (await storage.listWithDates(EXPORTS_PREFIX)).filter((o) => o.lastModified < cutoff).map((o) => o.key);
  const live = new Set(
    (
      await db.projectExport.findMany({
        where: { storagePath: { in: stale }, expiresAt: { gt: new Date(now) } },
        select: { storagePath: true },
      })
    ).map((e) => e.storagePath),
  );
  const orphans = stale.filter((k) => !live.has(k));
  await storage.remove(orphans);
  if (expired.length || timedOut || orphans.length)
    log.info({ event: 'cleanup.exports', expired: expired.length, timedOut, objects: orphans.length }, 'export sweep');
  return { expired: expired.length, timedOut, objects: orphans.length };
}
