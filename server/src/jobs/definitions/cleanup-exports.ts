import { z } from 'zod';
import { sweepExports } from '../../domain/exports/sweep-exports.ts';
import { defineJob } from '../definition.ts';

export const cleanupExports = defineJob({
  name: 'cleanup-exports',
  payload: z.object({}),
  queue: { policy: 'singleton', retryLimit: 2 },
  maxRunSeconds: 30 * 60,
  async handler({ pipeline, exportTtlMs }) {
    await sweepExports(pipeline.deps, exportTtlMs);
  },
});
