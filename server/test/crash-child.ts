// A server instance in a process of its own, for tests that kill it with SIGKILL: the app as main.ts
// starts it, on the database and S3 of the environment, with fal being the test's emulator at
// TEST_FAL_URL (it must outlive this process). Prints "READY <url>" once it serves.
import { createApp } from '../src/app/create-app.ts';
import { loadConfig } from '../src/config.ts';

const falUrl = process.env.TEST_FAL_URL;
if (!falUrl) throw new Error('TEST_FAL_URL is required');
const config = loadConfig();
const emulator = { url: falUrl, jwksUrl: `${falUrl}/.well-known/jwks.json` };
const app = createApp(config, { migrate: false, emulator });
await app.start();
console.log(`READY ${app.url}`);
process.on('SIGTERM', () => void app.stop().finally(() => process.exit(0)));
