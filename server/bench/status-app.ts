// bench:status child: the real app, alone in its process, pointed at the peers' S3 and fal emulator.
import { loadConfig } from '../src/config.ts';
import { connectDb } from '../src/db.ts';
import { createFalGateway } from '../src/fal/gateway.ts';
import { createWebhookVerifier } from '../src/fal/webhook.ts';
import { inProcessPubSub } from '../src/graphql/pubsub.ts';
import { startApp } from '../src/http/app.ts';
import { configureLogger } from '../src/log.ts';
import { applySettings } from '../src/settings.ts';
import { createS3Storage } from '../src/storage/storage.ts';

const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', SEED: 'never' });
applySettings(config);
// The figures are the output: the app's info lines (one per generation step) would bury them.
configureLogger({ level: config.logLevel });
const storage = createS3Storage({ ...config.s3!, bucket: config.bucket });
await storage.ensureBucket();
const prisma = connectDb(config.databaseUrl!, 10);
const app = await startApp(config, {
  databaseUrl: config.databaseUrl!,
  storage,
  pubsub: inProcessPubSub(),
  gateway: createFalGateway({ credentials: 'emulator', baseUrl: process.env.BENCH_EMULATOR_URL! }),
  verifier: createWebhookVerifier({ jwksUrl: process.env.BENCH_JWKS_URL! }),
});
const stop = async () => {
  await app.stop().catch(() => {});
  await prisma.$disconnect();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('disconnect', () => void stop());
process.send!({ url: app.url });
