// bench:status child: the real app, alone in its process, pointed at the peers' S3 and fal emulator.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createApp } from '../src/app/create-app.ts';
import { loadConfig } from '../src/config.ts';
import { createS3Storage } from '../src/storage/storage.ts';

// The figures are the output: the app's info lines (one per generation step) would bury them (LOG_LEVEL warn).
const env = { LOG_LEVEL: 'warn', ...process.env, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', SEED: 'never' };
const config = loadConfig(env);
const storage = createS3Storage({ ...config.s3!, bucket: config.bucket });
await storage.ensureBucket();
const app = createApp(config, {
  migrate: false,
  storage,
  emulator: { url: process.env.BENCH_EMULATOR_URL!, jwksUrl: process.env.BENCH_JWKS_URL! },
});
await app.start();
const stop = async () => {
  await app.stop().catch(() => {});
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
// How long the event loop was busy when a timer was due, over the run (the parent resets it at the start):
// each step of webhook → event waits that long for its turn.
const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
const ms = (ns: number) => ns / 1e6;
process.on('message', (question) => {
  if (question === 'delay:reset') delay.reset();
  process.send!(
    question === 'delay:report'
      ? { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) }
      : 'ok',
  );
});
process.on('disconnect', () => void stop());
process.send!({ url: app.url });
