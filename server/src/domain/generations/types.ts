// The words of the generation pipeline: what a webhook names, what fal answers, what applying it did.
import type { Logger } from 'pino';
import type { FalGateway } from '../../fal/gateway.ts';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { PubSub } from '../../graphql/pubsub.ts';
import type { SqlRows } from '../../db.ts';
import type { Storage } from '../../storage/storage.ts';
import type { GenerationSubject } from '../events.ts';
import type { Catalog } from '../../catalog/catalog.ts';

export type { GenerationSubject };
export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;
export type Status = 'PENDING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
export type FinalStatus = Exclude<Status, 'PENDING'>;

/** A row of one of the generation tables, as a webhook URL and the ledger name it. */
export interface Target {
  kind: GenerationSubject;
  id: string;
}

export interface Outcome {
  requestId: string;
  status: 'OK' | 'ERROR';
  /**
   * null with status OK: fal could not put the result in the webhook (`payload_error`); it is fetched from the
   * queue.
   */
  payload?: unknown;
  error?: string | null;
}

export interface PipelineSettings {
  /** A PENDING row older than this is asked of fal's status API (a webhook may have been lost). */
  reconcileAfterMs: number;
  /** A PENDING row older than this becomes FAILED ("timed out"). */
  imageDeadlineMs: number;
  videoDeadlineMs: number;
}

/** What the pipeline's parts use; built once by the composition root. */
export interface PipelineDeps {
  db: Db;
  /** Hand-written statements (a settle), on the same pool. */
  sql: SqlRows;
  log: Logger;
  gateway: FalGateway;
  storage: Storage;
  pubsub: PubSub;
  /** The public catalog's caches, dropped when a public avatar is ready. */
  catalog: Catalog;
  publicUrl: () => string;
  settings: PipelineSettings;
  webhookSecret: string;
  /** Told when a row was submitted: the progress poller (bound after it starts) polls while rows are PENDING. */
  progressWake?: () => void;
}

/** The columns every generation table has, as the pipeline reads them. */
export interface GenerationView {
  id: string;
  userId: string | null;
  projectId: string | null;
  status: Status;
  falRequestId: string | null;
  falModel: string | null;
  createdAt: Date;
  /** Which kind of the table the row is (its `source` column); null for a table of one kind. */
  source: string | null;
  /** Its place in its variant group (0 without one): which of fal's `images[]` is its own. */
  variantIndex: number;
}

/** fal's answer read by a kind: the media to store, or why there is none. */
export type FalResult =
  | { kind: 'image'; url: string; nsfw: boolean; seed: number | null }
  | { kind: 'video'; url: string; seed: number | null }
  | { kind: 'failed'; reason: string };

/** A kind's work on a result: the columns to write when the row is settled, or a failure. */
export type Stored<Data> = ({ kind: 'stored'; data: Data } & FollowUps) | { kind: 'failed'; reason: string };

/** What a stored result still has to do besides its own columns. */
export interface FollowUps {
  /** More to write in the statement that settles the row (whoever sees it final sees this done too). */
  also?: readonly Prisma.Sql[];
  /** What follows the success once subscribers have heard of it. */
  after?: (deps: PipelineDeps) => Promise<void>;
}

/** What `apply` did with an outcome. */
export type ApplyResult =
  { kind: 'applied'; status: FinalStatus } | { kind: 'ignored'; reason: 'deleted' | 'not pending' | 'another request' };

export const isStillOpen = (row: GenerationView, requestId: string): boolean =>
  row.status === 'PENDING' && (!row.falRequestId || row.falRequestId === requestId);
