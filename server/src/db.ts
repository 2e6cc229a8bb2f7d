import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.ts';

export type { PrismaClient };

/** The process's Prisma client, set once by `connectDb` at start-up. */
export let db: PrismaClient;

/** `onQuery` sees every SQL statement the client runs, with its duration (server/bench counts them). */
export function connectDb(connectionString: string, max = 10, opts: { onQuery?: (sql: string, durationMs: number) => void } = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max });
  const { onQuery } = opts;
  if (!onQuery) return (db = new PrismaClient({ adapter }));
  const client = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  client.$on('query', (e) => onQuery(e.query, Number(e.duration)));
  return (db = client as unknown as PrismaClient);
}
