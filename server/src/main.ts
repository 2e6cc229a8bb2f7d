// `npm start`: the whole product on one port, with embedded defaults for whatever the environment leaves unset.
import { ensureAdmin } from './auth/admin.ts';
import { ConfigError, loadConfig } from './config.ts';
import { applyMigrations } from './db/engine.ts';
import { seed } from './db/seed.ts';
import { connectDb } from './db.ts';
import { inProcessPubSub, redisPubSub } from './graphql/pubsub.ts';
import { startApp } from './http/app.ts';
import { startFal, startRuntime } from './runtime.ts';
import { applySettings } from './settings.ts';
import { configureLogger } from './log.ts';

/** The database going away while we stop (Ctrl-C reaches the embedded PostgreSQL as well): expected. */
const DATABASE_GONE = /terminating connection due to administrator command|database system is shutting down|Connection terminated|ECONNREFUSED|ECONNRESET/;
const messageOf = (e: unknown) => (e as Error)?.message ?? String(e);
function reportStopError(e: unknown): void {
  if (!DATABASE_GONE.test(messageOf(e))) console.error(`[shutdown] ${messageOf(e)}`);
}

let stopping = false;
// Ctrl-C reaches the embedded PostgreSQL too, which may drop its connections before our own SIGINT
// handler runs: a job queue query failing then (pg-boss does not catch every one) is expected, not a
// crash. Any other unhandled rejection still ends the process, as Node's default would.
process.on('unhandledRejection', (e) => {
  if (stopping) return reportStopError(e);
  if (DATABASE_GONE.test(messageOf(e))) {
    console.error(`[database] ${messageOf(e)}`);
    return;
  }
  console.error(e);
  process.exit(1);
});

async function main() {
  const started = Date.now();
  const config = loadConfig();
  applySettings(config);
  configureLogger({ level: config.logLevel });
  const runtime = await startRuntime(config);
  const stops: (() => Promise<void>)[] = [runtime.stop];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((e) => reportStopError(e));
  };
  try {
    const applied = await applyMigrations(runtime.databaseUrl);
    const prisma = connectDb(runtime.databaseUrl);
    stops.push(() => prisma.$disconnect());
    if (config.seed === 'auto') console.log(`[seed] ${await seed(prisma, runtime.storage)}`);
    if (config.admin) {
      const r = await ensureAdmin(prisma, config.admin.email, config.admin.password);
      console.log(`[admin] ${config.admin.email} ${r.created ? 'created' : 'is an admin'}${r.password ? `, password: ${r.password}` : ''}`);
    }
    const pubsub = config.redisUrl ? redisPubSub(config.redisUrl) : inProcessPubSub();
    stops.push(() => pubsub.close());
    const fal = await startFal(config);
    stops.push(fal.stop);
    const app = await startApp(config, { databaseUrl: runtime.databaseUrl, storage: runtime.storage, pubsub, gateway: fal.value.gateway, verifier: fal.value.verifier });
    stops.push(app.stop);
    const base = config.port === 0 ? app.url : `http://localhost:${config.port}`;
    const lines = [
      `Better Ads is up in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      `  app        ${base}/`,
      `  GraphQL    ${base}/graphql  (WebSocket subscriptions on the same path)`,
      `  GraphiQL   ${base}/graphiql`,
      `  health     ${base}/healthz  ${base}/readyz`,
      `  migrations ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`,
      `  PostgreSQL ${runtime.embedded.postgres ? `embedded: ${runtime.embedded.postgres}` : 'from DATABASE_URL'}`,
      `  S3         ${runtime.embedded.s3 ? `embedded: ${runtime.embedded.s3}` : `from S3_ENDPOINT, bucket ${config.bucket}`}`,
      `  fal        ${fal.embedded ? `embedded: ${fal.embedded}` : 'fal.ai with FAL_KEY'}`,
      `  pub/sub    ${config.redisUrl ? 'Redis from REDIS_URL' : 'in-process (REDIS_URL unset)'}`,
      `  webhooks   ${app.publicUrl}/webhooks/fal`,
    ];
    console.log(lines.join('\n'));
  } catch (e) {
    await stopAll();
    throw e;
  }
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    const timer = setTimeout(() => {
      console.error('shutdown took longer than 15 s; exiting');
      process.exit(1);
    }, 15_000);
    timer.unref();
    await stopAll();
    console.log('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((e) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
