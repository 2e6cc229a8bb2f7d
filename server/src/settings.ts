// Per-process settings the schema reads, set once at start-up from the parsed Config.
let ttl = 30 * 24 * 3600_000;
let generationLimits = { maxInFlight: 50, maxPerDay: 1000 };

export const sessionTtlMs = () => ttl;
export const limitSettings = () => generationLimits;

export function applySettings(s: { sessionTtlMs: number; generation?: { maxInFlight: number; maxPerDay: number } }): void {
  ttl = s.sessionTtlMs;
  if (s.generation) generationLimits = { maxInFlight: s.generation.maxInFlight, maxPerDay: s.generation.maxPerDay };
}
