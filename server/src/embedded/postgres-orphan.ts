// A postgres left running by a killed `npm start` (its postmaster.pid names a live server of our data
// directory): stopped before we start ours; a stale pid file is removed.
import { spawnSync } from 'node:child_process';
import { readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { StartupError } from '../startup-error.ts';

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

export const alive = (pid: number) => {
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

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitGone(pid: number, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) if (!alive(pid)) return true;
  return !alive(pid);
}

/** Stops a postmaster: fast shutdown (SIGINT), then immediate (SIGQUIT), then SIGKILL. */
export async function stopPostmaster(pid: number): Promise<void> {
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
export async function recoverOrphan(dir: string): Promise<string | undefined> {
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
