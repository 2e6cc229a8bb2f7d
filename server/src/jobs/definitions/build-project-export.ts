import { z } from 'zod';
import { buildExport, EXPORT_RUN_LIMIT_MS } from '../../domain/exports/build-export.ts';
import { defineJob } from '../definition.ts';

export const buildProjectExport = defineJob({
  name: 'build-project-export',
  payload: z.object({ exportId: z.string().min(1) }),
  queue: { policy: 'standard', retryLimit: 3, retryDelay: 5, retryBackoff: true },
  maxRunSeconds: EXPORT_RUN_LIMIT_MS / 1000,
  async handler({ pipeline, exportTtlMs }, { exportId }, job) {
    const { log } = pipeline.deps;
    const ids = { jobId: job.id, exportId, attempt: job.retryCount + 1 };
    log.info({ event: job.retryCount ? 'job.retried' : 'job.started', ...ids }, 'building a project export');
    const lastAttempt = job.retryCount >= job.retryLimit;
    const outcome = await buildExport(pipeline.deps, exportId, { ttlMs: exportTtlMs, lastAttempt });
    log.info({ event: 'job.finished', ...ids, outcome }, 'project export job done');
  },
});
