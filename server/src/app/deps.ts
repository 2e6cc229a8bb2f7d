// What a use case may use, handed to it as an argument (never imported): one object per app, built by
// the composition root. Domain code reads `deps.db`, `deps.log`, … and nothing module-global.
import type { Logger } from 'pino';
import type { AuthLimits } from '../auth/limits.ts';
import type { Catalog } from '../catalog/catalog.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { FalGateway } from '../fal/gateway.ts';
import type { Pipeline } from '../generation/pipeline.ts';
import type { PubSub } from '../graphql/pubsub.ts';
import type { SqlRows } from '../db.ts';
import type { Storage } from '../storage/storage.ts';
import type { z } from 'zod';

export interface Settings {
  sessionTtlMs: number;
  generation: { maxInFlight: number; maxPerDay: number };
}

export type { SqlRows } from '../db.ts';

/** Queues a job of a definition (jobs/definitions/*) with its payload; the runner validates and runs it. */
export interface JobQueue {
  send<S extends z.ZodType>(job: { name: string; payload: S }, data: z.infer<S>): Promise<void>;
}

export interface Deps {
  db: PrismaClient;
  sql: SqlRows;
  log: Logger;
  settings: Settings;
  storage: Storage;
  pubsub: PubSub;
  gateway: FalGateway;
  pipeline: Pipeline;
  authLimits: AuthLimits;
  /** This app's catalog caches (counts, taxonomy) and their invalidation (catalog/catalog.ts). */
  catalog: Catalog;
  jobs: JobQueue;
}
