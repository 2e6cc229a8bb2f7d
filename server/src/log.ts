// Structured logs: one JSON line per event (pino). The request id of the HTTP request that caused an
// event rides along through AsyncLocalStorage, so code deep in the pipeline need not pass it around.
import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const scope = new AsyncLocalStorage<{ requestId: string }>();

/** Runs `fn` with `requestId` attached to every log line written while it (and what it awaits) runs. */
export const withRequestId = <T>(requestId: string, fn: () => T): T => scope.run({ requestId }, fn);
export const currentRequestId = (): string | undefined => scope.getStore()?.requestId;

const LEVELS: readonly string[] = ['debug', 'info', 'warn', 'error', 'silent'];

/** `LOG_LEVEL` when valid; else `error` under test (a test that checks logs captures them itself), `info` otherwise. */
export function defaultLogLevel(env: NodeJS.ProcessEnv = process.env): LogLevel {
  if (env.LOG_LEVEL && LEVELS.includes(env.LOG_LEVEL)) return env.LOG_LEVEL as LogLevel;
  return env.NODE_ENV === 'test' || env.VITEST ? 'error' : 'info';
}

/** A logger of its own (one per app); `destination` defaults to stdout. */
export function createLogger(opts: { level?: LogLevel; destination?: DestinationStream } = {}): Logger {
  const options = {
    level: opts.level ?? defaultLogLevel(),
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
  };
  return opts.destination ? pino(options, opts.destination) : pino(options);
}

/** Fields that identify a generation in every line about it. */
export const gen = (kind: string, id: string, extra: Record<string, unknown> = {}) => ({
  generationKind: kind,
  generationId: id,
  ...extra,
});
