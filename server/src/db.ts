import { PrismaPg } from '@prisma/adapter-pg';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { Prisma, PrismaClient } from './generated/prisma/client.ts';

export type { PrismaClient };

/** Rows of a hand-written statement on the Prisma client's own pool (Database#sql). */
export type SqlRows = <R extends pg.QueryResultRow>(statement: Prisma.Sql) => Promise<R[]>;

/**
 * A moment as hand-written SQL compares or stores it: timestamp(3) columns hold UTC wall times (as Prisma writes
 * them), and the ISO text cast to timestamp is exactly that, whatever the session's time zone.
 */
export const sqlTimestamp = (at: Date = new Date()): Prisma.Sql => Prisma.sql`${at.toISOString()}::timestamp(3)`;

// As strict as the names of our schema (camelCase, no underscore): anything else is refused, not quoted.
const IDENTIFIER = /^[a-zA-Z][a-zA-Z0-9]*$/;
/** A table or column name in hand-written SQL, quoted; refused unless it is a plain identifier. */
export const sqlIdent = (name: string): Prisma.Sql => {
  if (!IDENTIFIER.test(name)) throw new Error(`not an identifier: ${name}`);
  return Prisma.raw(`"${name}"`);
};

export type OnQuery = (sql: string, durationMs: number) => void;

/** One app's database: its Prisma client, hand-written statements on the client's own pool, and their end. */
export interface Database {
  db: PrismaClient;
  /**
   * Rows of a hand-written statement, sent on the Prisma client's own pool without Prisma's query
   * pipeline: for the hottest read (a catalog page). Values come back as `pg` parses them: cast
   * `timestamp` columns to timestamptz (`AT TIME ZONE 'UTC'`) and enums to text in the SQL.
   */
  sql: SqlRows;
  close: () => Promise<void>;
}

/** `onQuery` sees every SQL statement the client runs, with its duration (server/bench counts them). */
export function createDatabase(connectionString: string, opts: { max?: number; onQuery?: OnQuery } = {}): Database {
  // A prepared statement is still planned for its values each time: a generic plan, blind to how rare a tag is,
  // could scan the whole catalog for a page of a rare tag.
  const pool = new pg.Pool({ connectionString, max: opts.max ?? 10, options: '-c plan_cache_mode=force_custom_plan' });
  // The client owns the pool: $disconnect ends it.
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const { onQuery } = opts;
  // Hand-written statements take their values as parameters (arrays included), so their texts are few (one per
  // filter shape) and this map stays small.
  const names = new Map<string, string>();
  /** A prepared statement's name per text: each connection parses it once, not on every request. */
  const statementName = (text: string): string => {
    let name = names.get(text);
    if (!name) {
      name = `sql_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
      names.set(text, name);
    }
    return name;
  };
  // Prisma's defaults (2 s to get a connection, 5 s to finish) fail a short transaction — a generation's row and
  // its ledger attempt, written together — whenever the pool is busy for a moment; waiting is the right answer.
  const transactionOptions = { maxWait: 15_000, timeout: 30_000 };
  let db: PrismaClient;
  if (onQuery) {
    const client = new PrismaClient({ adapter, transactionOptions, log: [{ emit: 'event', level: 'query' }] });
    client.$on('query', (e) => onQuery(e.query, e.duration));
    // The client typed with its query events is the same client; callers need only its models.
    db = client;
  } else db = new PrismaClient({ adapter, transactionOptions });
  return {
    db,
    async sql<R extends pg.QueryResultRow>(statement: Prisma.Sql): Promise<R[]> {
      const started = performance.now();
      const text = statement.text; // a getter that builds the string anew on every read
      const { rows } = await pool.query<R>({ name: statementName(text), text, values: statement.values });
      onQuery?.(text, performance.now() - started);
      return rows;
    },
    close: () => db.$disconnect(),
  };
}
