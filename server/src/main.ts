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
import { describeUrl, explainStartupError, StartupError } from './startup-error.ts';
import { createServer } from 'node:net';
import pg from 'pg';
import { resolve } from 'node:path';

/** The database going away while we stop (an external one, or the embedded one stopped under a process manager): expected. */
const DATABASE_GONE = /terminating connection due to administrator command|database system is shutting down|Connection terminated|ECONNREFUSED|ECONNRESET/;
const messageOf = (e: unknown) => (e as Error)?.message ?? String(e);
function reportStopError(e: unknown): void {
  if (!DATABASE_GONE.test(messageOf(e))) console.error(`[shutdown] ${messageOf(e)}`);
}

let stopping = false;
// The database may drop its connections before or while we stop (a process manager signals every process
// of the service): a job queue query failing then (pg-boss does not catch every one) is expected, not a
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

/** Everything started so far, stopped in reverse order by a signal, a failed start, or the parent going away. */
const stops: (() => Promise<void>)[] = [];
const stopAll = async () => {
  for (const stop of stops.splice(0).reverse()) await stop().catch((e) => reportStopError(e));
};
/** A stop to run at shutdown; at once if shutdown began while this part was starting. */
const track = async (stop: () => Promise<void>) => {
  if (stopping) await stop().catch((e) => reportStopError(e));
  else stops.push(stop);
};

async function shutdown(reason: string, code = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${reason}: stopping…`);
  const timer = setTimeout(() => {
    console.error('shutdown took longer than 15 s; exiting');
    process.exit(1);
  }, 15_000);
  timer.unref();
  await stopAll();
  console.log('stopped');
  process.exit(code);
}

// From the first moment: a signal during start-up stops what has started so far.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(signal));
// `npm start` runs us through a shell; should the process that started us die without passing a signal on
// (a shell that does not exec, npm killed outright), we would otherwise serve on as an orphan.
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid) void shutdown(`the parent process (pid ${parentPid}) exited`);
}, 1000).unref();

/** Before anything starts: a taken port is the commonest reason a second `npm start` fails. */
async function checkPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(port, host, () => probe.close(() => ok()));
  }).catch((e: NodeJS.ErrnoException) => {
    throw listenError(e, port, host);
  });
}

function listenError(e: unknown, port: number, host: string): unknown {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'EADDRINUSE') return new StartupError(`port ${port} on ${host} is already in use`, `stop what listens there (\`ss -ltnp 'sport = :${port}'\` shows it), or set PORT to a free port`);
  if (code === 'EACCES') return new StartupError(`port ${port} on ${host} needs privileges this user lacks`, 'set PORT to a port above 1023');
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return new StartupError(`HOST ${host} is not an address of this machine`, 'set HOST to 0.0.0.0, 127.0.0.1 or one of its addresses');
  return e;
}

async function main() {
  const started = Date.now();
  const config = loadConfig();
  applySettings(config);
  configureLogger({ level: config.logLevel });
  await checkPortFree(config.port, config.host);
  const runtime = await startRuntime(config);
  await track(runtime.stop);
  if (stopping) return;
  const database = config.databaseUrl
    ? { what: 'connecting to the database', connection: describeUrl(runtime.databaseUrl), hint: 'check that PostgreSQL is running there and that DATABASE_URL (host, port, user, password, database) is right' }
    : { what: 'connecting to the embedded PostgreSQL', hint: `see the lines above; delete ${resolve(config.dataDir, 'postgres')} to start with an empty database, or set DATABASE_URL` };
  // A plain connection first: its errors (refused, authentication, no such database) are PostgreSQL's own.
  const probe = new pg.Client({ connectionString: runtime.databaseUrl, connectionTimeoutMillis: 10_000 });
  probe.on('error', () => {});
  await probe
    .connect()
    .then(() => probe.end())
    .catch((e: unknown) => {
      void probe.end().catch(() => {});
      throw explainStartupError(e, database);
    });
  const applied = await applyMigrations(runtime.databaseUrl).catch((e: unknown) => {
    throw explainStartupError(e, database);
  });
  const prisma = connectDb(runtime.databaseUrl);
  await track(() => prisma.$disconnect());
  if (config.seed === 'auto') console.log(`[seed] ${await seed(prisma, runtime.storage)}`);
  if (config.admin) {
    const r = await ensureAdmin(prisma, config.admin.email, config.admin.password);
    console.log(`[admin] ${config.admin.email} ${r.created ? 'created' : 'is an admin'}${r.password ? `, password: ${r.password}` : ''}`);
  }
  const pubsub = config.redisUrl ? redisPubSub(config.redisUrl) : inProcessPubSub();
  await track(() => pubsub.close());
  const fal = await startFal(config);
  await track(fal.stop);
  if (stopping) return;
  const app = await startApp(config, { databaseUrl: runtime.databaseUrl, storage: runtime.storage, pubsub, gateway: fal.value.gateway, verifier: fal.value.verifier }).catch((e: unknown) => {
    throw listenError(e, config.port, config.host);
  });
  await track(app.stop);
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
}

/** What failed and what to do; a stack only for what no one expected (a bug). */
function reportStartupFailure(e: unknown): void {
  if (e instanceof ConfigError) console.error(`npm start failed: ${e.message}\n  → fix the variable(s) above (docs/production.md lists them all)`);
  else if (e instanceof StartupError) console.error(`npm start failed: ${e.message}\n  → ${e.hint}`);
  else if (e instanceof Error) console.error('npm start failed with an unexpected error:', e);
  else console.error(`npm start failed with an unexpected error: ${e === undefined ? 'no details were given' : String(e)}`);
}

main().catch(async (e) => {
  if (stopping) return;
  stopping = true;
  reportStartupFailure(e);
  await stopAll();
  process.exit(1);
});
