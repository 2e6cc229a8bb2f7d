// `npm start` after a crash, stopped by a process manager, and as root from a folder its PostgreSQL user cannot enter.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  alive,
  freePort,
  gql,
  listening,
  npmStart,
  processesIn,
  ROOT,
  serverPid,
  until,
  type Started,
} from './npm-start.ts';

const running = new Set<Started>();
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(() => {
  for (const s of running) {
    try {
      process.kill(-s.proc.pid!, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  running.clear();
});
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
});

async function start(env: Record<string, string>, cwd?: string): Promise<Started> {
  const s = await npmStart({ SEED: 'never', ...env }, cwd);
  running.add(s);
  return s;
}

async function freshDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'better-ads-recovery-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const postmasterPid = (cluster: string) => Number(readFileSync(join(cluster, 'postmaster.pid'), 'utf8').split('\n')[0]);

async function signUpWithProject(port: number, email: string, project: string): Promise<string> {
  const signUp = await gql(
    port,
    `mutation($i: SignUpInput!) { signUp(input: $i) { ... on MutationSignUpSuccess { data { token } } } }`,
    { i: { email, name: 'Crash', password: 'survives-crashes' } },
  );
  const token = signUp.data.signUp.data.token as string;
  const created = await gql(
    port,
    `mutation($i: CreateProjectInput!) { createProject(input: $i) { __typename } }`,
    { i: { name: project } },
    token,
  );
  expect(created.data.createProject.__typename).toMatch(/Success/);
  return token;
}

const projectsOf = async (port: number, token: string) =>
  (await gql(port, `{ me { projects(first: 5) { edges { node { name } } } } }`, {}, token)).data.me.projects.edges.map(
    (e: any) => e.node.name,
  );

/** Stops an `npm start` by signalling the npm process alone, as a process manager, an IDE or `timeout` does. */
async function signalNpm(s: Started, signal: NodeJS.Signals, port: number, cluster: string): Promise<number> {
  const server = serverPid(s.proc.pid!);
  const t0 = Date.now();
  process.kill(s.proc.pid!, signal);
  const exit = await Promise.race([s.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 30_000))]);
  expect(exit, `npm did not exit within 30 s of ${signal}:\n${s.output()}`).not.toBe('timeout');
  // Everything it started goes with it: the server, its port, the PostgreSQL of its data directory.
  await until(() => !alive(server), 5000, `server (pid ${server}) still running after npm exited`);
  await until(() => processesIn(cluster).length === 0, 5000, `PostgreSQL processes of ${cluster} still running`);
  expect(await listening(port)).toBe(false);
  running.delete(s);
  return (Date.now() - t0) / 1000;
}

describe('npm start recovers after a crash', () => {
  it(`kill -9 of the server leaves its PostgreSQL running; the next npm start stops it, says so, and has the \
data`, async () => {
    const dataDir = await freshDataDir();
    const cluster = join(dataDir, 'postgres');
    const port = await freePort();
    const first = await start({ DATA_DIR: dataDir, PORT: String(port) });
    const token = await signUpWithProject(port, 'crash@example.com', 'Made before the crash');
    const orphan = postmasterPid(cluster);

    process.kill(serverPid(first.proc.pid!), 'SIGKILL');
    await first.exited;
    running.delete(first);
    expect(alive(orphan)).toBe(true); // what a crash leaves behind

    const t0 = Date.now();
    const second = await start({ DATA_DIR: dataDir, PORT: String(port) });
    const crashToReady = (Date.now() - t0) / 1000;
    const recovered = second
      .output()
      .split('\n')
      .filter((l) => l.startsWith('[postgres]'));
    expect(recovered).toEqual([
      expect.stringMatching(
        new RegExp(
          `^\\[postgres\\] stopped the embedded PostgreSQL \\(pid ${orphan}, port \\d+\\) ` +
            'left running by an earlier start',
        ),
      ),
    ]);
    expect(alive(orphan)).toBe(false);
    expect(await projectsOf(port, token)).toEqual(['Made before the crash']);
    console.log(
      `[timing] kill -9 of the server → npm start ready: ${crashToReady.toFixed(1)} s ` +
        '(includes npm, prestart and start-up)',
    );

    // A power cut: PostgreSQL dies too, and after a reboot its pid may belong to another process (here: us).
    const second2 = postmasterPid(cluster);
    process.kill(serverPid(second.proc.pid!), 'SIGKILL');
    process.kill(second2, 'SIGKILL');
    await second.exited;
    running.delete(second);
    await until(
      () => processesIn(cluster).length === 0,
      10_000,
      'PostgreSQL children exit after their postmaster died',
    );
    const pidFile = readFileSync(join(cluster, 'postmaster.pid'), 'utf8').split('\n');
    writeFileSync(join(cluster, 'postmaster.pid'), [String(process.pid), ...pidFile.slice(1)].join('\n'));

    const t1 = Date.now();
    const third = await start({ DATA_DIR: dataDir, PORT: String(port) });
    const powerCutToReady = (Date.now() - t1) / 1000;
    expect(third.output()).toContain(
      `[postgres] removed a stale postmaster.pid (pid ${process.pid} is not a PostgreSQL of this data directory)`,
    );
    expect(alive(process.pid)).toBe(true);
    expect(await projectsOf(port, token)).toEqual(['Made before the crash']);
    console.log(
      '[timing] power cut (server and PostgreSQL killed, pid reused) → ' +
        `npm start ready: ${powerCutToReady.toFixed(1)} s`,
    );
    await signalNpm(third, 'SIGTERM', port, cluster);
  }, 600_000);

  it('a second npm start on a data directory in use refuses, saying which server uses it', async () => {
    const dataDir = await freshDataDir();
    const port = await freePort();
    const first = await start({ DATA_DIR: dataDir, PORT: String(port) });
    const other = await freePort();
    const second = await npmStart({ SEED: 'never', DATA_DIR: dataDir, PORT: String(other) }).then(
      () => '',
      (e: unknown) => (e as Error).message,
    );
    expect(second).toContain(`is in use by another running server (pid ${serverPid(first.proc.pid!)}`);
    expect(second).not.toMatch(/\bundefined\b|^\s+at /m);
    expect((await fetch(`http://localhost:${port}/readyz`)).status).toBe(200);

    // The commonest start-up failures say what failed and what to do, without a stack.
    const taken = await npmStart({ SEED: 'never', DATA_DIR: await freshDataDir(), PORT: String(port) }).then(
      () => '',
      (e: unknown) => (e as Error).message,
    );
    expect(taken).toContain(`npm start failed: port ${port} on 0.0.0.0 is already in use`);
    const badEnv = await npmStart({ PORT: 'four thousand' }).then(
      () => '',
      (e: unknown) => (e as Error).message,
    );
    expect(badEnv).toMatch(/npm start failed: Invalid configuration:\n\s+PORT:/);
    const refused = await npmStart({
      SEED: 'never',
      PORT: '0',
      DATA_DIR: await freshDataDir(),
      DATABASE_URL: `postgresql://postgres@127.0.0.1:${await freePort()}/x`,
    }).then(
      () => '',
      (e: unknown) => (e as Error).message,
    );
    expect(refused).toMatch(
      new RegExp(
        /npm start failed: connecting to the database failed \(postgresql:\/\/127\.0\.0\.1:\d+\/x\): /.source +
          /.*ECONNREFUSED[^\n]*\n\s+→ check that PostgreSQL is running/.source,
      ),
    );
    const s3Refused = await npmStart({
      SEED: 'never',
      PORT: '0',
      DATA_DIR: await freshDataDir(),
      S3_ENDPOINT: `http://127.0.0.1:${await freePort()}`,
      S3_ACCESS_KEY: 'k',
      S3_SECRET_KEY: 's',
    }).then(
      () => '',
      (e: unknown) => (e as Error).message,
    );
    expect(s3Refused).toMatch(
      new RegExp(
        /npm start failed: S3 bucket better-ads on S3_ENDPOINT http:\/\/127\.0\.0\.1:\d+ /.source +
          /cannot be checked or created: /.source +
          /.*ECONNREFUSED[^\n]*\n\s+→ check that the S3 server is up/.source,
      ),
    );
    for (const out of [taken, badEnv, refused, s3Refused]) expect(out).not.toMatch(/\bundefined\b|^\s+at /m);
    await signalNpm(first, 'SIGTERM', port, join(dataDir, 'postgres'));
  }, 600_000);
});

describe('npm start stops with everything it started', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} to the npm process (not its group): npm exits, no server, port free, no PostgreSQL of the data \
directory`, async () => {
      const dataDir = await freshDataDir();
      const port = await freePort();
      const s = await start({ DATA_DIR: dataDir, PORT: String(port) });
      const seconds = await signalNpm(s, signal, port, join(dataDir, 'postgres'));
      expect(s.output()).toContain(`${signal}: stopping…`);
      expect(s.output()).toContain('stopped');
      console.log(`[timing] ${signal} to npm → all stopped: ${seconds.toFixed(1)} s`);
    }, 300_000);
  }
});

const asRoot = process.getuid?.() === 0;
describe.skipIf(!asRoot)('as root, from a clone in a 0700 home, with no environment', () => {
  it(`npm start runs PostgreSQL from binaries and data its unprivileged user can reach, and keeps the \
data`, async () => {
    const home = await mkdtemp(join(tmpdir(), 'better-ads-home-'));
    chmodSync(home, 0o700);
    cleanups.push(() => rm(home, { recursive: true, force: true }));
    const clone = join(home, 'better-ads');
    // The working tree as a clone has it (tracked and new files), plus what `npm install` would make.
    const files = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: ROOT,
      encoding: 'utf8',
    })
      .stdout.split('\0')
      .filter((f) => f && !f.startsWith('node_modules'));
    for (const f of files) {
      mkdirSync(dirname(join(clone, f)), { recursive: true });
      try {
        cpSync(join(ROOT, f), join(clone, f));
      } catch {
        /* deleted in the working tree */
      }
    }
    for (const made of ['server/src/generated', 'client/dist'])
      cpSync(join(ROOT, made), join(clone, made), { recursive: true });
    // Hard links: node_modules inside the 0700 home as `npm install` puts it, in seconds.
    if (spawnSync('cp', ['-al', join(ROOT, 'node_modules'), join(clone, 'node_modules')]).status !== 0)
      cpSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'), { recursive: true, verbatimSymlinks: true });

    const port = await freePort();
    const env = { HOME: home, PORT: String(port) };
    const first = await start(env, clone);
    const banner = first.output();
    expect(banner).not.toMatch(/EACCES|\bundefined\b/);
    const cluster = readlinkSync(join(clone, '.data', 'postgres'));
    cleanups.push(() => rm(cluster, { recursive: true, force: true }));
    expect(cluster).toMatch(/^\/var\/lib\/better-ads\/postgresql\//);
    expect(banner).toContain(`data in ${cluster} (${join(clone, '.data', 'postgres')} links there`);
    expect(banner).toMatch(/binaries in \/var\/cache\/better-ads\/postgresql-[\w.-]+/);
    const token = await signUpWithProject(port, 'root@example.com', 'Made as root');
    await signalNpm(first, 'SIGTERM', port, cluster);

    const second = await start(env, clone);
    expect(await projectsOf(port, token)).toEqual(['Made as root']);
    await signalNpm(second, 'SIGTERM', port, cluster);
  }, 600_000);
});
if (!asRoot) console.log('[skip] root in a 0700 home: this test runs only as root (it is what fails as root)');
