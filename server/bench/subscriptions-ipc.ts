// bench:subscriptions: requests over a child's IPC channel. The parent sends { id, op, args } and the child
// answers { id, result } or { id, error }; a child's first message (its hello) is not an answer.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { cleaning, cleanup, stopChildOnCleanup } from './catalog-cleanup.ts';

interface Request {
  id: number;
  op: string;
  args: unknown;
}
interface Answer {
  id: number;
  result?: unknown;
  error?: string;
}

/** In a child: answer the parent's requests with these handlers. */
export function serve(handlers: Record<string, (args: any) => unknown>) {
  process.on('message', (m: Request) => {
    const handler = handlers[m.op];
    Promise.resolve()
      .then(() => (handler ? handler(m.args) : Promise.reject(new Error(`unknown op ${m.op}`))))
      .then(
        (result) => process.send!({ id: m.id, result }),
        (e: unknown) => process.send!({ id: m.id, error: e instanceof Error ? e.message : String(e) }),
      );
  });
}

export interface Child<Hello> {
  pid: number;
  hello: Hello;
  ask: <T>(op: string, args?: unknown) => Promise<T>;
}

/** Forks a TypeScript child (registered for clean-up) and waits for its hello. */
export async function child<Hello>(
  script: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<Child<Hello>> {
  const proc: ChildProcess = fork(join(import.meta.dirname, script), [], {
    execArgv: [...process.execArgv, ...nodeArgs],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  stopChildOnCleanup(`${script} ${proc.pid}`, proc);
  const hello = await new Promise<Hello>((ok, fail) => {
    proc.once('exit', (code, signal) => fail(new Error(`${script} exited during start-up (${signal ?? code})`)));
    proc.once('message', (m) => ok(m as Hello));
  });
  proc.removeAllListeners('exit');
  proc.once('exit', (code, signal) => {
    if (cleaning) return;
    console.error(`\n${script} ${proc.pid} died (${signal ?? `code ${code}`}).`);
    void cleanup().finally(() => process.exit(1));
  });
  const waiting = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();
  proc.on('message', (m: Answer) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (m.error !== undefined) w.fail(new Error(`${script}: ${m.error}`));
    else w.ok(m.result);
  });
  let next = 0;
  const ask = <T>(op: string, args?: unknown) =>
    new Promise<T>((ok, fail) => {
      const id = next++;
      waiting.set(id, { ok: ok as (v: unknown) => void, fail });
      proc.send({ id, op, args });
    });
  return { pid: proc.pid!, hello, ask };
}
