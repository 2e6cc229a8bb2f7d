import { z } from 'zod';
import { sweepTempImages } from '../../generation/cleanup.ts';
import { defineJob } from '../definition.ts';

export const cleanupTempImages = defineJob({
  name: 'cleanup-temp-images',
  payload: z.object({}),
  queue: { policy: 'singleton', retryLimit: 2 },
  maxRunSeconds: 30 * 60,
  async handler({ pipeline, tempImageTtlMs }, _payload, job) {
    const { log } = pipeline.deps;
    log.info({ event: 'job.started', jobId: job.id, queue: 'cleanup-temp-images' }, 'temp image sweep started');
    const r = await sweepTempImages(pipeline.deps, tempImageTtlMs);
    log.info({ event: 'job.finished', jobId: job.id, queue: 'cleanup-temp-images', ...r }, 'temp image sweep finished');
  },
});
