// Per-process settings the schema reads, set once at start-up from the parsed Config.
let ttl = 30 * 24 * 3600_000;

export const sessionTtlMs = () => ttl;

export function applySettings(s: { sessionTtlMs: number }): void {
  ttl = s.sessionTtlMs;
}
