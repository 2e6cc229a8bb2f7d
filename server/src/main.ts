// `npm start`: the whole product on one port, with embedded defaults for whatever the environment leaves unset.
// This file owns the process (signals, the parent watch, start-up messages, the banner); createApp builds the app.
import { createServer } from 'node:net';
import { AppStoppedError, createApp, type App } from './app/create-app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { listenError, StartupError } from './startup-error.ts';

/** The process: its signals, its parent, its one app. Everything it keeps lives in this call. */
function run(): void {
  /**
   * The database going away while we stop (an external one, or the embedded one stopped under a process manager):
   * expected.
   */
  const DATABASE_GONE = new RegExp(
    [
      'terminating connection due to administrator command',
      'database system is shutting down',
      'Connection terminated',
      'ECONNREFUSED',
      'ECONNRESET',
    ].join('|'),
  );
  const messageOf = (e: unknown) => (e as Error | undefined)?.message ?? String(e);
  function reportStopError(e: unknown): void {
    if (!DATABASE_GONE.test(messageOf(e))) console.error(`[shutdown] ${messageOf(e)}`);
  }

  let stopping = false;
  // The database may drop its connections before or while we stop (a process manager signals every process
  // of the service): a job queue query failing then (pg-boss does not catch every one) is expected, not a
  // crash. Any other unhandled rejection still ends the process, as Node's default would.
  process.on('unhandledRejection', (e) => {
    if (stopping) {
      reportStopError(e);
      return;
    }
    if (DATABASE_GONE.test(messageOf(e))) {
      console.error(`[database] ${messageOf(e)}`);
      return;
    }
    console.error(e);
    process.exit(1);
  });

  /** The app, once created: stopped by a signal, a failed start, or the parent going away. */
  let app: App | undefined;
  const stopAll = async () => {
    await app?.stop();
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
    }).catch((e: unknown) => {
      throw listenError(e, port, host);
    });
  }

  async function main() {
    const started = Date.now();
    const config = loadConfig();
    await checkPortFree(config.port, config.host);
    if (stopping) return;
    app = createApp(config, { onStopError: reportStopError });
    const { migrations: applied, embedded } = await app.start();
    const base = config.port === 0 ? app.url : `http://localhost:${config.port}`;
    const lines = [
      `Better Ads is up in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      `  app        ${base}/`,
      `  GraphQL    ${base}/graphql  (WebSocket subscriptions on the same path)`,
      `  GraphiQL   ${base}/graphiql`,
      `  health     ${base}/healthz  ${base}/readyz`,
      `  migrations ${applied?.length ? `applied ${applied.join(', ')}` : 'up to date'}`,
      `  PostgreSQL ${embedded.postgres ? `embedded: ${embedded.postgres}` : 'from DATABASE_URL'}`,
      `  S3         ${embedded.s3 ? `embedded: ${embedded.s3}` : `from S3_ENDPOINT, bucket ${config.bucket}`}`,
      `  fal        ${embedded.fal ? `embedded: ${embedded.fal}` : 'fal.ai with FAL_KEY'}`,
      `  pub/sub    ${config.redisUrl ? 'Redis from REDIS_URL' : 'in-process (REDIS_URL unset)'}`,
      `  webhooks   ${app.publicUrl}/webhooks/fal`,
    ];
    console.log(lines.join('\n'));
  }

  /** What failed and what to do; a stack only for what no one expected (a bug). */
  function reportStartupFailure(e: unknown): void {
    if (e instanceof ConfigError)
      console.error(
        `npm start failed: ${e.message}\n  → fix the variable(s) above (docs/production.md lists them all)`,
      );
    else if (e instanceof StartupError) console.error(`npm start failed: ${e.message}\n  → ${e.hint}`);
    else if (e instanceof Error) console.error('npm start failed with an unexpected error:', e);
    else
      console.error(
        // Not an Error: whatever was thrown, printed as it stringifies.
        // eslint-disable-next-line @typescript-eslint/no-base-to-string
        `npm start failed with an unexpected error: ${e === undefined ? 'no details were given' : String(e)}`,
      );
  }

  main().catch(async (e: unknown) => {
    if (stopping || e instanceof AppStoppedError) return;
    stopping = true;
    reportStartupFailure(e);
    await stopAll();
    process.exit(1);
  });
}

run();
