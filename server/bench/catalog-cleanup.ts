// Clean-up: everything started registers its undo; run once, in reverse, on success, failure or signal.
import type { ChildProcess } from 'node:child_process';

export const cleanups: { what: string; run: () => Promise<unknown> }[] = [];
export let cleaning: Promise<void> | null = null;
/** Set when stopping early: the load loops end and no new request starts. */
export let aborted = false;
const STEP_TIMEOUT_MS = 20_000;
export function cleanup(): Promise<void> {
  aborted = true;
  cleaning ??= (async () => {
    const done: string[] = [];
    for (const c of cleanups.reverse()) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise(
        (_, fail) =>
          (timer = setTimeout(() => fail(new Error(`timed out after ${STEP_TIMEOUT_MS / 1000} s`)), STEP_TIMEOUT_MS)),
      );
      try {
        await Promise.race([Promise.resolve().then(c.run), timeout]);
        done.push(c.what);
      } catch (e) {
        console.error(`  clean-up of ${c.what} failed: ${(e as Error).message}`);
      } finally {
        clearTimeout(timer);
      }
    }
    if (done.length) console.log(`Cleaned up   ${done.join('; ')}`);
  })();
  return cleaning;
}

/** Registers the clean-up of a child process: SIGTERM, then SIGKILL if it is still there 5 s later. */
export function stopChildOnCleanup(what: string, child: ChildProcess): void {
  cleanups.push({
    what,
    run: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  });
}
