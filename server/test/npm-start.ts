// Running the real `npm start` as a child process, as a user (or a process manager) does.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });

/** Whether something accepts connections on 127.0.0.1:port. */
export const listening = (port: number) =>
  new Promise<boolean>((ok) => {
    const s = createServer();
    s.once('error', () => ok(true));
    s.listen(port, '0.0.0.0', () => s.close(() => ok(false)));
  });

export interface Started {
  proc: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * `npm start` with only PATH, HOME and `env`; resolves once it printed its banner. Its own process group, so
 * that signalling it (or its group) reaches nothing of the test runner.
 */
export function npmStart(env: Record<string, string>, cwd = ROOT, timeoutMs = 180_000): Promise<Started> {
  const proc = spawn('npm', ['start'], {
    cwd,
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/root', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((ok) =>
    proc.once('exit', (code, signal) => ok({ code, signal })),
  );
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`not up after ${timeoutMs / 1000} s:\n${out}`)), timeoutMs);
    void exited.then(({ code, signal }) => fail(new Error(`exited ${code ?? signal}:\n${out}`)));
    proc.stdout.on('data', () => {
      if (out.includes('Better Ads is up')) {
        clearTimeout(timer);
        ok({ proc, output: () => out, exited });
      }
    });
  });
}

export const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Every process under `pid` (children, grandchildren…). */
export function descendants(pid: number): { pid: number; command: string }[] {
  const rows = spawnSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .stdout.split('\n')
    .map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), command: m[3]! }));
  const found: { pid: number; command: string }[] = [];
  const visit = (parent: number) => {
    for (const r of rows) {
      if (r.ppid !== parent) continue;
      found.push({ pid: r.pid, command: r.command });
      visit(r.pid);
    }
  };
  visit(pid);
  return found;
}

/** The server (node running main.ts) started by an `npm start`. */
export function serverPid(npmPid: number): number {
  // Not the `sh -c "node … main.ts"` npm may run it through: the node process itself.
  const server = descendants(npmPid).find((p) => /^\S*node\s.*server\/src\/main\.ts/.test(p.command));
  if (!server) throw new Error(`no server process under npm (pid ${npmPid})`);
  return server.pid;
}

/** Processes working in `dir`: a PostgreSQL postmaster and all its children run in their data directory. */
export function processesIn(dir: string): number[] {
  const real = realpathSync(dir);
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readlinkSync(`/proc/${name}/cwd`) === real) pids.push(Number(name));
    } catch {
      /* gone, or not ours */
    }
  }
  return pids;
}

export async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) if (check()) return;
  if (!check()) throw new Error(`${what}: not within ${ms / 1000} s`);
}

export async function gql(port: number, query: string, variables?: object, token?: string) {
  const res = await fetch(`http://localhost:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as any;
}
