// bench:status child: the real app, alone in its process, pointed at the peers' S3 and fal emulator.
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
process.on('disconnect', () => void stop());
process.send!({ url: app.url });
