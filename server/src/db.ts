import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient, type Prisma } from './generated/prisma/client.ts';

export type { PrismaClient };

/** The process's Prisma client, set once by `connectDb` at start-up. */
export let db: PrismaClient;
let pool: pg.Pool;
let onQuery: ((sql: string, durationMs: number) => void) | undefined;

/** `onQuery` sees every SQL statement the client runs, with its duration (server/bench counts them). */
export function connectDb(connectionString: string, max = 10, opts: { onQuery?: (sql: string, durationMs: number) => void } = {}): PrismaClient {
  pool = new pg.Pool({ connectionString, max });
  // The client owns the pool: $disconnect ends it.
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  onQuery = opts.onQuery;
  if (!onQuery) return (db = new PrismaClient({ adapter }));
  const client = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  const report = onQuery;
  client.$on('query', (e) => report(e.query, Number(e.duration)));
  return (db = client as unknown as PrismaClient);
}

/**
 * Rows of a hand-written statement, sent on the Prisma client's own pool without Prisma's query
 * pipeline: for the hottest read (a catalog page). Values come back as `pg` parses them: cast
 * `timestamp` columns to timestamptz (`AT TIME ZONE 'UTC'`) and enums to text in the SQL.
 */
export async function sqlRows<R extends pg.QueryResultRow>(statement: Prisma.Sql): Promise<R[]> {
  const started = performance.now();
  const text = statement.text;
  const { rows } = await pool.query<R>(text, statement.values);
  onQuery?.(text, performance.now() - started);
  return rows;
}
