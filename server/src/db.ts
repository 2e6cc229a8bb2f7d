import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.ts';

export type { PrismaClient };

/** The process's Prisma client, set once by `connectDb` at start-up. */
export let db: PrismaClient;

/** `onQuery` sees every SQL statement the client runs (benchmarks count them: server/bench). */
export function connectDb(connectionString: string, max = 10, opts: { onQuery?: (sql: string) => void } = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max });
  if (!opts.onQuery) return (db = new PrismaClient({ adapter }));
  const client = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  client.$on('query', (e) => opts.onQuery!(e.query));
  return (db = client as unknown as PrismaClient);
}
