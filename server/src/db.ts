import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.ts';

export type { PrismaClient };

/** The process's Prisma client, set once by `connectDb` at start-up. */
export let db: PrismaClient;

export function connectDb(connectionString: string, max = 10): PrismaClient {
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
  return db;
}
