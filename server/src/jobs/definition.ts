import type PgBoss from 'pg-boss';
import type { z } from 'zod';
import type { PrismaClient } from '../db.ts';
import type { Pipeline } from '../generation/pipeline.ts';
import type { Logger } from '../log.ts';

export interface JobDeps {
  db: PrismaClient;
  log: Logger;
  pipeline: Pipeline;
  tempImageTtlMs: number;
  exportTtlMs: number;
}

/** What a job is, apart from how it runs: the runner makes its queue, validates its payload and runs it. */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  payload: S;
  queue: { policy: 'standard' | 'singleton'; retryLimit: number; retryDelay?: number; retryBackoff?: boolean };
  /** The longest a live instance keeps renewing a job's lease: a handler stuck past it is reclaimed as if dead. */
  maxRunSeconds: number;
  handler(deps: JobDeps, payload: z.infer<S>, job: PgBoss.JobWithMetadata<unknown>): Promise<void>;
}

export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}

/** The payload, or an error naming the job and what is wrong with it. */
export function parsePayload<S extends z.ZodType>(definition: JobDefinition<S>, data: unknown): z.infer<S> {
  const r = definition.payload.safeParse(data);
  if (!r.success) throw new InvalidPayload(definition.name, r.error.message);
  return r.data;
}

export class InvalidPayload extends Error {
  constructor(
    readonly queue: string,
    reason: string,
  ) {
    super(`invalid payload for ${queue}: ${reason}`);
  }
}
