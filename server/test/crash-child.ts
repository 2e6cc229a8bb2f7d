// A server instance in a process of its own, for tests that kill it with SIGKILL: the app as main.ts
// starts it, on the database and S3 of the environment, with fal being the test's emulator at
// TEST_FAL_URL (it must outlive this process). Prints "READY <url>" once it serves.
import { loadConfig } from '../src/config.ts';
import { connectDb } from '../src/db.ts';
import { createFalGateway } from '../src/fal/gateway.ts';
import { createWebhookVerifier } from '../src/fal/webhook.ts';
import { inProcessPubSub } from '../src/graphql/pubsub.ts';
import { startApp } from '../src/http/app.ts';
import { configureLogger } from '../src/log.ts';
import { applySettings } from '../src/settings.ts';
import { createS3Storage } from '../src/storage/storage.ts';

const falUrl = process.env.TEST_FAL_URL;
if (!falUrl) throw new Error('TEST_FAL_URL is required');
const config = loadConfig();
applySettings(config);
configureLogger({ level: config.logLevel });
const storage = createS3Storage({ ...config.s3!, bucket: config.bucket });
await storage.ensureBucket();
connectDb(config.databaseUrl!);
const app = await startApp(config, {
  databaseUrl: config.databaseUrl!,
  storage,
  pubsub: inProcessPubSub(),
  gateway: createFalGateway({ credentials: 'emulator', baseUrl: falUrl }),
  verifier: createWebhookVerifier({ jwksUrl: `${falUrl}/.well-known/jwks.json` }),
});
console.log(`READY ${app.url}`);
process.on('SIGTERM', () => void app.stop().finally(() => process.exit(0)));
