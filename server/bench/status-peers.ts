// bench:status child: fal and S3 live on other machines in production, so here they get their own
// process (the emulator's rendering and the S3 server's writes must not share the app's CPU/event loop).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedS3 } from '../src/embedded/s3.ts';
import { startFalEmulator } from '../src/fal/emulator.ts';

const dir = await mkdtemp(join(tmpdir(), 'better-ads-bench-peers-'));
const s3 = await startEmbeddedS3(dir);
const emulator = await startFalEmulator({
  latencyMs: Number(process.env.BENCH_FAL_LATENCY_MS ?? 1500),
  videoBytes: Number(process.env.BENCH_VIDEO_BYTES ?? 2 * 1024 * 1024),
  webhookRetries: 0,
});
const stop = async () => {
  await emulator.stop().catch(() => {});
  await s3.stop().catch(() => {});
  await rm(dir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('disconnect', () => void stop());
process.send!({
  s3Endpoint: s3.endpoint,
  s3AccessKey: s3.accessKey,
  s3SecretKey: s3.secretKey,
  emulatorUrl: emulator.url,
  jwksUrl: emulator.jwksUrl,
});
