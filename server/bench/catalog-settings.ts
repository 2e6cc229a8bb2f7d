// The catalog benchmark's settings (from the environment, see catalog.ts), its query, and the number formats
// of its report, which scripts/bench-compare.mjs parses.
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
export const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 2));
export const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
export const AVATARS = Number(process.env.BENCH_AVATARS ?? 20_000);
export const WARMUP_SECONDS = 1.5;
// Once per endpoint before the first round: a fresh server's first seconds are V8 tiering up and graphql-jit
// compiling, which round 1's endpoint alone would otherwise pay (measured: GraphQL's node CPU per request
// 1.1–1.4 ms in round 1, 0.74–0.86 ms after).
export const FIRST_WARMUP_SECONDS = Number(process.env.BENCH_FIRST_WARMUP_SECONDS ?? 5);
export const UNLOADED_REQUESTS = 10;
export const PAGE = 24;
export const FILTER = ['femme', 'jeune', 'adulte']; // (femme) AND (jeune OR adulte)
/** Computed answers (issue 14): GraphQL at >= 0.95x the plain-SQL throughput, p99 within 5 ms of plain SQL's. */
export const AIM_RATIO = 0.95;
export const AIM_P99_OVER_PLAIN_MS = 5;
/** Whole answers as served from the caches: the earlier aims. */
export const SERVED_AIM_RATIO = 0.5;
export const SERVED_AIM_P99_MS = 50;
export const WATCHDOG_MS = 10 * 60_000;

export const QUERY = `query Catalog($first: Int!, $tags: [String!]) {
  publicAvatars(first: $first, tags: $tags) {
    ... on PublicAvatarConnection {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id name tags { slug name category { slug } } } }
      facets { tag { slug name category { slug } } count }
    }
    ... on Error { message }
  }
}`;

export const log = (s = '') => console.log(s);
export const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
export const secs = (fromMs: number) => `${((performance.now() - fromMs) / 1000).toFixed(1)} s`;
