// The job's work: a project's ZIP streamed from storage into storage — each object read as its turn
// comes, the archive uploaded in parts as it is written, never whole in memory — then the export marked
// SUCCEEDED once. A retry writes the same key again and finds the row no longer PENDING when another
// attempt finished it: one ZIP, one SUCCEEDED announcement.
import { Readable } from 'node:stream';
import yazl from 'yazl';
import type { Logger } from 'pino';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { PubSub } from '../../graphql/pubsub.ts';
import { keys } from '../../storage/keys.ts';
import type { Storage } from '../../storage/storage.ts';
import { exportChanged } from '../events.ts';
import { exportContents } from './contents.ts';

export interface ExportDeps {
  db: PrismaClient;
  log: Logger;
  storage: Storage;
  pubsub: PubSub;
}

/** The longest a build may take (the job's lease); an export PENDING for longer has lost its job. */
export const EXPORT_RUN_LIMIT_MS = 30 * 60_000;

export type BuildResult = 'built' | 'not pending' | 'failed';

/** Builds export `exportId` if it is still PENDING. A failure is thrown (the job retries) unless `lastAttempt`. */
export async function buildExport(
  deps: ExportDeps,
  exportId: string,
  opts: { ttlMs: number; lastAttempt: boolean },
): Promise<BuildResult> {
  const row = await deps.db.projectExport.findUnique({ where: { id: exportId }, include: { project: true } });
  if (row?.status !== 'PENDING') return 'not pending';
  const key = keys.projectExport(row.userId, row.projectId, row.id);
  try {
    const { entries, manifest } = await exportContents(deps, row.project, row.createdAt);
    const zip = new yazl.ZipFile();
    // A PassThrough at run time; its types say only NodeJS.ReadableStream.
    const archive = zip.outputStream as Readable;
    // yazl reports a size that does not match on the ZipFile, and never watches its input streams: either
    // failure fails the archive, which fails the upload (aborted).
    zip.on('error', (e: Error) => archive.destroy(e));
    // The upload's read of `archive` rejects with the error; yazl's own pipe into it would rethrow it.
    archive.on('error', () => {});
    for (const entry of entries) {
      // Opened only when yazl reads it: one object in flight at a time.
      const source = Readable.from(
        (async function* () {
          try {
            yield* await deps.storage.getStream(entry.key);
          } catch (e) {
            archive.destroy(e as Error);
          }
        })(),
        { objectMode: false },
      );
      // Media are compressed already: stored as they are.
      zip.addReadStream(source, entry.path, { mtime: entry.mtime, compress: false, size: entry.size });
    }
    zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), 'manifest.json', { mtime: row.createdAt });
    zip.end();
    const byteSize = await deps.storage.putMultipart(key, archive, 'application/zip');
    const finishedAt = new Date();
    const { count } = await deps.db.projectExport.updateMany({
      where: { id: row.id, status: 'PENDING' },
      data: {
        status: 'SUCCEEDED',
        storagePath: key,
        byteSize,
        itemCount: entries.length,
        finishedAt,
        expiresAt: new Date(finishedAt.getTime() + opts.ttlMs),
      },
    });
    if (!count) return 'not pending';
    deps.log.info(
      { event: 'export.built', exportId: row.id, projectId: row.projectId, byteSize, entries: entries.length },
      'project export built',
    );
    await exportChanged(deps, row);
    return 'built';
  } catch (e) {
    if (!opts.lastAttempt) throw e;
    deps.log.error({ event: 'export.failed', exportId: row.id, error: (e as Error).message }, 'project export failed');
    await deps.storage.remove([key]).catch(() => {});
    const { count } = await deps.db.projectExport.updateMany({
      where: { id: row.id, status: 'PENDING' },
      data: { status: 'FAILED', failureReason: 'The export could not be built. Try again.', finishedAt: new Date() },
    });
    if (count) await exportChanged(deps, row);
    return 'failed';
  }
}
