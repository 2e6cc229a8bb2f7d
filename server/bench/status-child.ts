// bench:status: its processes (the peers, the app), each a TypeScript child with IPC.
import { fork } from 'node:child_process';
import { join } from 'node:path';

/** A TypeScript child with IPC; resolves with the first message it sends (its addresses). */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller knows what its child sends
export function child<T>(
  script: string,
  env: Record<string, string>,
  execArgv: string[] = [],
): Promise<{ info: T; pid: number; ask: (question: string) => Promise<unknown>; stop: () => Promise<void> }> {
  const proc = fork(join(import.meta.dirname, script), [], {
    execArgv: [...process.execArgv, ...execArgv],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    proc.once('error', reject);
    proc.once('exit', (code) => reject(new Error(`${script} exited ${code}`)));
    proc.once('message', (info) =>
      resolve({
        info: info as T,
        pid: proc.pid!,
        ask: (question) =>
          new Promise((answer) => {
            proc.once('message', answer);
            proc.send(question);
          }),
        stop: () =>
          new Promise<void>((done) => {
            if (proc.exitCode !== null) {
              done();
              return;
            }
            proc.once('exit', () => done());
            proc.kill('SIGTERM');
          }),
      }),
    );
  });
}
