import { z } from 'zod';
import { defineJob } from '../definition.ts';

export const reconcile = defineJob({
  name: 'reconcile',
  payload: z.object({}),
  queue: { policy: 'singleton', retryLimit: 0 },
  maxRunSeconds: 10 * 60,
  async handler({ pipeline }) {
    const r = await pipeline.reconcile();
    const { log } = pipeline.deps;
    if (r.finished || r.timedOut || r.deletedSettled) log.info({ event: 'reconcile.done', ...r }, 'reconciler pass');
  },
});
