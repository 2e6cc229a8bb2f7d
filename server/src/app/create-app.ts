// The composition root: the one place that builds an app — database client, storage, fal, pub/sub, jobs,
// caches, logger, HTTP and WebSocket server — from a Config. `npm start`, the tests and the benches all
// start through it; nothing in server/src keeps state of its own outside what is built here.
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import pg from 'pg';
import type { DestinationStream } from 'pino';
import { ensureAdmin } from '../auth/admin.ts';
import { AuthLimits, LocalCounters, redisCounters } from '../auth/limits.ts';
import { createCatalog } from '../catalog/catalog.ts';
import type { Config } from '../config.ts';
import { applyMigrations } from '../db/engine.ts';
import { seed } from '../db/seed.ts';
import { createDatabase, type OnQuery } from '../db.ts';
import type { FalEmulator } from '../fal/emulator.ts';
import { Pipeline } from '../generation/pipeline.ts';
import { startProgressPoller } from '../generation/progress-poller.ts';
import { loadWebhookSecret } from '../generation/webhook-target.ts';
import { inProcessPubSub, redisPubSub } from '../graphql/pubsub.ts';
import { startHttp } from '../http/app.ts';
import type { SharedSubscriptions } from '../graphql/shared-subscriptions.ts';
import type { WebhookStats } from '../http/webhooks.ts';
import { startJobs, type Jobs } from '../jobs/runner.ts';
import { createLogger, type LogLevel } from '../log.ts';
import { startDatabase, startFal, startStorage } from '../runtime.ts';
import { describeUrl, explainStartupError, listenError } from '../startup-error.ts';
import type { Storage } from '../storage/storage.ts';
import type { Deps, Settings } from './deps.ts';

export interface CreateAppOptions {
  /** A database to use instead of DATABASE_URL (or the embedded PostgreSQL). */
  databaseUrl?: string;
  /** Apply pending migrations before serving (default true; test databases are cloned migrated). */
  migrate?: boolean;
  /** Connections of the app's Prisma client (default 10). */
  poolSize?: number;
  /** Sees every statement of the app's database client (benches count them). */
  onQuery?: OnQuery;
  /** A started bucket to use instead of S3_* (or the embedded S3 server); its owner stops it. */
  storage?: Storage;
  /** A running fal emulator (this process's or another's) instead of starting one; its owner stops it. */
  emulator?: Pick<FalEmulator, 'url' | 'jwksUrl'>;
  /** The logger's level (default config.logLevel) and where its lines go (default stdout). */
  logLevel?: LogLevel;
  logDestination?: DestinationStream;
  /** Where start-up lines ([seed], [admin]) are printed (default console.log). */
  print?: (line: string) => void;
  /** Told of each error while stopping (the others still stop). */
  onStopError?: (e: unknown) => void;
}

/** What start-up did, for `npm start`'s banner. */
export interface StartReport {
  /** Migrations applied now (empty when up to date; null when `migrate` was false). */
  migrations: string[] | null;
  /** What runs embedded, and where. */
  embedded: { postgres?: string; s3?: string; fal?: string };
}

export interface App {
  /** Starts everything in order and serves. After a failed start, call stop(). */
  start(): Promise<StartReport>;
  /** Stops what has started, last first: at any time, also while starting (start then rejects). */
  stop(): Promise<void>;
  /** What use cases get (after start). */
  readonly deps: Deps;
  readonly url: string;
  /** The URL fal's webhooks reach (PUBLIC_URL, else `url`). */
  readonly publicUrl: string;
  readonly server: Server;
  /** The live GraphQL subscriptions (stats: their groups and subscribers). */
  readonly subscriptions: SharedSubscriptions;
  readonly jobs: Jobs;
  readonly webhookStats: WebhookStats;
  /** The fal emulator this app started (FAL_KEY unset and none given), for tests to configure. */
  readonly emulator: FalEmulator | undefined;
}

export class AppStoppedError extends Error {
  constructor() {
    super('the app was stopped while it started');
  }
}

export const settingsOf = (config: Config): Settings => ({
  sessionTtlMs: config.sessionTtlMs,
  generation: { maxInFlight: config.generation.maxInFlight, maxPerDay: config.generation.maxPerDay },
});

export function createApp(config: Config, options: CreateAppOptions = {}): App {
  const log = createLogger({ level: options.logLevel ?? config.logLevel, destination: options.logDestination });
  const print = options.print ?? ((line: string) => console.log(line));
  const stops: (() => Promise<void>)[] = [];
  let stopping = false;
  let running:
    | {
        deps: Deps;
        url: string;
        server: Server;
        subscriptions: SharedSubscriptions;
        jobs: Jobs;
        emulator?: FalEmulator;
      }
    | undefined;
  let publicUrl = config.publicUrl ?? `http://localhost:${config.port}`;
  const webhookStats: WebhookStats = { accepted: 0, rejected: 0, duplicate: 0 };

  /** Keeps what just started for stop(); stops it at once if stop() came meanwhile. */
  const track = async <T>(value: T, stop: () => Promise<void>): Promise<T> => {
    if (!stopping) {
      stops.push(stop);
      return value;
    }
    await stop().catch((e: unknown) => options.onStopError?.(e));
    throw new AppStoppedError();
  };
  const started = () => {
    if (!running) throw new Error('the app has not started');
    return running;
  };

  async function prepareDatabase(databaseUrl: string): Promise<string[]> {
    const step = config.databaseUrl
      ? {
          what: 'connecting to the database',
          connection: describeUrl(databaseUrl),
          hint:
            'check that PostgreSQL is running there and that DATABASE_URL ' +
            '(host, port, user, password, database) is right',
        }
      : {
          what: 'connecting to the embedded PostgreSQL',
          hint:
            `see the lines above; delete ${resolve(config.dataDir, 'postgres')} to start with an empty database, ` +
            'or set DATABASE_URL',
        };
    // A plain connection first: its errors (refused, authentication, no such database) are PostgreSQL's own.
    const probe = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
    probe.on('error', () => {});
    await probe
      .connect()
      .then(() => probe.end())
      .catch((e: unknown) => {
        void probe.end().catch(() => {});
        throw explainStartupError(e, step);
      });
    return applyMigrations(databaseUrl).catch((e: unknown) => {
      throw explainStartupError(e, step);
    });
  }

  async function start(): Promise<StartReport> {
    const embedded: StartReport['embedded'] = {};
    let databaseUrl = options.databaseUrl;
    if (!databaseUrl) {
      const database = await startDatabase(config);
      databaseUrl = await track(database.value, database.stop);
      embedded.postgres = database.embedded;
    }
    let storage = options.storage;
    if (!storage) {
      const bucket = await startStorage(config);
      storage = await track(bucket.value, bucket.stop);
      embedded.s3 = bucket.embedded;
    }
    const migrations = options.migrate === false ? null : await prepareDatabase(databaseUrl);
    const database = createDatabase(databaseUrl, { max: options.poolSize, onQuery: options.onQuery });
    await track(database, () => database.close());
    const { db, sql } = database;
    if (config.seed === 'auto') print(`[seed] ${await seed(db, storage)}`);
    if (config.admin) {
      const r = await ensureAdmin(db, config.admin.email, config.admin.password);
      const password = r.password ? `, password: ${r.password}` : '';
      print(`[admin] ${config.admin.email} ${r.created ? 'created' : 'is an admin'}${password}`);
    }
    const pubsub = config.redisUrl ? redisPubSub(config.redisUrl, log) : inProcessPubSub();
    await track(pubsub, () => pubsub.close());
    const fal = await startFal(config, options.emulator);
    await track(fal, fal.stop);
    embedded.fal = fal.embedded;

    const webhookSecret = await loadWebhookSecret(config, log);
    // This app's catalog caches, cleared on its own changes at once and on every catalogChanged event.
    const catalog = createCatalog({ db, sql, pubsub });
    const catalogEvents = new AbortController();
    catalog.listen(catalogEvents.signal);
    await track(catalogEvents, async () => catalogEvents.abort());
    const pipeline = new Pipeline({
      progressWake: () => progress.wake(),
      catalog,
      db,
      sql,
      log,
      gateway: fal.value.gateway,
      storage,
      pubsub,
      publicUrl: () => publicUrl,
      settings: config.generation,
      webhookSecret,
    });
    const progress = startProgressPoller(pipeline.deps, config.generation.progressPollMs);
    await track(progress, () => progress.stop());
    // Sign-in and sign-up allowances: shared through Redis when the instances share one, else this app's.
    const counters = config.redisUrl ? redisCounters(config.redisUrl, log) : new LocalCounters();
    const authLimits = new AuthLimits(counters, config.auth);
    await track(authLimits, () => authLimits.close());
    const settings = settingsOf(config);
    const jobs = await startJobs({ databaseUrl, db, log, pipeline }, config.generation);
    await track(jobs, () => jobs.stop());
    const deps: Deps = {
      db,
      sql,
      log,
      settings,
      storage,
      pubsub,
      gateway: fal.value.gateway,
      pipeline,
      authLimits,
      catalog,
      jobs,
    };
    const parts = { deps, jobs, verifier: fal.value.verifier, webhookSecret, webhookStats };
    const http = await startHttp(config, parts).catch((e: unknown) => {
      throw listenError(e, config.port, config.host);
    });
    await track(http, () => http.stop());
    publicUrl = config.publicUrl ?? http.url;
    running = {
      deps,
      url: http.url,
      server: http.server,
      subscriptions: http.subscriptions,
      jobs,
      emulator: fal.value.emulator,
    };
    return { migrations, embedded };
  }

  return {
    start,
    async stop() {
      stopping = true;
      for (const stop of stops.splice(0).reverse()) await stop().catch((e: unknown) => options.onStopError?.(e));
    },
    get deps() {
      return started().deps;
    },
    get url() {
      return started().url;
    },
    get publicUrl() {
      return publicUrl;
    },
    get server() {
      return started().server;
    },
    get subscriptions() {
      return started().subscriptions;
    },
    get jobs() {
      return started().jobs;
    },
    webhookStats,
    get emulator() {
      return started().emulator;
    },
  };
}
