import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { loadConfig, type Config } from '../src/config.ts';
import type { DestinationStream } from 'pino';
import { createApp, type App } from '../src/app/create-app.ts';
import type { PrismaClient } from '../src/db.ts';
import type { FalEmulator } from '../src/fal/emulator.ts';
import type { LogLevel } from '../src/log.ts';
import { createS3Storage, type Storage } from '../src/storage/storage.ts';
import { ensureAdmin } from '../src/auth/admin.ts';

export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data: T;
  errors?: { message: string; extensions?: Record<string, any>; path?: string[] }[];
  extensions?: Record<string, any>;
}

export interface TestApp {
  url: string;
  app: App;
  emulator: FalEmulator;
  databaseUrl: string;
  prisma: PrismaClient;
  storage: Storage;
  config: Config;
  gql: <T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ) => Promise<GqlResponse<T>>;
  signUp: (name?: string) => Promise<{ token: string; userId: string; email: string }>;
  admin(): Promise<{ token: string; userId: string }>;
  ws(token?: string): Client;
  sql<T extends pg.QueryResultRow = any>(text: string, params?: unknown[]): Promise<T[]>;
  stop: () => Promise<void>;
}

/** A real server on a fresh clone of the migrated template database, with its own bucket on the shared S3 server. */
export interface TestAppOptions {
  /** Share a database (and bucket) with another instance instead of cloning a fresh one. */
  shareWith?: TestApp;
  /** Use this emulator (kept running by its owner) instead of starting one. */
  emulator?: FalEmulator;
  /** The app's log level (default: the config's) and where its lines go (default stdout), to capture them. */
  logLevel?: LogLevel;
  logDestination?: DestinationStream;
}

/** The URL of a new database cloned from the migrated template (dropped at the end of the run). */
export async function freshDatabase(): Promise<string> {
  const baseUrl = inject('databaseUrl');
  const template = inject('templateDb');
  const dbName = `${template}_f${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}" TEMPLATE "${template}"`);
  await admin.end();
  const u = new URL(baseUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
}

export async function startTestApp(env: Record<string, string> = {}, opts: TestAppOptions = {}): Promise<TestApp> {
  const databaseUrl = opts.shareWith?.databaseUrl ?? (await freshDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    S3_ENDPOINT: inject('s3Endpoint'),
    S3_ACCESS_KEY: inject('s3AccessKey'),
    S3_SECRET_KEY: inject('s3SecretKey'),
    S3_BUCKET: opts.shareWith?.config.bucket ?? `t-${randomBytes(4).toString('hex')}`,
    SEED: 'never',
    // Every test signs its users up from 127.0.0.1; auth.test.ts sets this limit where it tests it.
    AUTH_MAX_SIGNUPS_PER_ADDRESS_PER_HOUR: '0',
    ...env,
  });
  const storage = createS3Storage({ ...config.s3!, bucket: config.bucket });
  await storage.ensureBucket();
  const app = createApp(config, {
    migrate: false,
    poolSize: 5,
    storage,
    emulator: opts.emulator,
    logLevel: opts.logLevel,
    logDestination: opts.logDestination,
  });
  try {
    await app.start();
  } catch (e) {
    await app.stop();
    throw e;
  }
  const prisma = app.deps.db;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const clients: Client[] = [];
  let counter = 0;

  const gql: TestApp['gql'] = async (query, variables, token) => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as Omit<GqlResponse, 'status'>;
    return { ...body, status: res.status } as GqlResponse<never>;
  };

  const signUp: TestApp['signUp'] = async (name = 'Test User') => {
    const email = `user${++counter}-${randomBytes(3).toString('hex')}@example.com`;
    const r = await gql(
      `mutation($input: SignUpInput!) { signUp(input: $input) {
        ... on MutationSignUpSuccess { data { token user { id } } } ... on Error { message } } }`,
      { input: { email, name, password: 'correct horse battery' } },
    );
    const data = r.data.signUp?.data;
    if (!data) throw new Error(`signUp failed: ${JSON.stringify(r)}`);
    const row = await prisma.user.findUniqueOrThrow({ where: { email } });
    return { token: data.token, userId: row.id, email };
  };

  return {
    url: app.url,
    app,
    emulator: opts.emulator ?? app.emulator!,
    databaseUrl,
    prisma,
    storage,
    config,
    gql,
    signUp,
    async admin() {
      const user = await signUp('Admin');
      await ensureAdmin(prisma, user.email);
      return user;
    },
    ws(token) {
      const client = createClient({
        url: app.url.replace(/^http/, 'ws') + '/graphql',
        webSocketImpl: WebSocket,
        connectionParams: token ? { authorization: `Bearer ${token}` } : {},
        retryAttempts: 0,
      });
      clients.push(client);
      return client;
    },
    async sql(text, params) {
      return (await pool.query(text, params)).rows;
    },
    async stop() {
      for (const c of clients) await c.dispose();
      await app.stop();
      await pool.end();
    },
  };
}

/** All rows of every table, to prove that a refused mutation wrote nothing. */
export async function tableCounts(app: TestApp): Promise<Record<string, number>> {
  const tables = [
    'User',
    'Session',
    'ApiKey',
    'Project',
    'TagCategory',
    'Tag',
    'Avatar',
    'AvatarTag',
    'ProjectAvatarLink',
    'BRoll',
    'Image',
    'GenerationAttempt',
  ];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = Number((await app.sql(`SELECT count(*)::int AS n FROM "${t}"`))[0].n);
  const updated = await app.sql(`SELECT max(greatest("updatedAt")) AS m FROM "Project"`);
  out.projectUpdatedAt = updated[0].m ? new Date(updated[0].m).getTime() : 0;
  return out;
}

/** The database id inside a global ID. */
/** Polls `fn` every 100 ms until it gives a truthy value, which it returns; throws past `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined | null | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const dbId = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1]!;

const NODE_STATUS = `query($id: ID!) { node(id: $id) { ... on Image { status } ... on Avatar { status }
  ... on BRoll { status } } }`;

/** Waits (30 s at most) until a generation, read through node(id:) as `token`, has `status`. */
export async function untilStatus(app: TestApp, token: string, gid: string, status = 'SUCCEEDED'): Promise<void> {
  const end = Date.now() + 30_000;
  while (Date.now() < end) {
    if ((await app.gql(NODE_STATUS, { id: gid }, token)).data.node?.status === status) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${gid} never ${status}`);
}
