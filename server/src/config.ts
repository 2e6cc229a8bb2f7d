import { z } from 'zod';
import type { AuthLimitSettings } from './auth/limits.ts';
import { defaultLogLevel } from './log.ts';

const optionalUrl = z.url().optional();

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: optionalUrl,
  DATA_DIR: z.string().default('.data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  S3_ENDPOINT: optionalUrl,
  S3_ACCESS_KEY: z.string().min(1).optional(),
  S3_SECRET_KEY: z.string().min(1).optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_PUBLIC_ENDPOINT: optionalUrl,
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a valid bucket name')
    .default('better-ads'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .default(24 * 30),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(8).optional(),
  SEED: z.enum(['auto', 'never']).default('auto'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).optional(),
  API_KEY_COST_PER_MINUTE: z.coerce.number().int().positive().default(100_000),
  MAX_QUERY_COMPLEXITY: z.coerce.number().int().positive().default(10_000),
  MAX_QUERY_DEPTH: z.coerce.number().int().positive().default(10),
  AUTH_FAILURE_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  AUTH_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(0).default(10),
  AUTH_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(0).default(100),
  AUTH_MAX_SIGNUPS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(0).default(20),
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  WS_KEEP_ALIVE_SECONDS: z.coerce.number().min(0.2).max(3600).default(12),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(\.\d+)?\s*(b|kb|mb|gb)?$/i, 'A size such as 100kb or 1mb.')
    .default('100kb'),
  CLIENT_DIST: z.string().optional(),
  FAL_KEY: z.string().min(1).optional(),
  FAL_JWKS_URL: optionalUrl,
  WEBHOOK_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  RECONCILE_AFTER_SECONDS: z.coerce.number().positive().default(120),
  RECONCILE_EVERY_SECONDS: z.coerce.number().positive().default(30),
  IMAGE_DEADLINE_MINUTES: z.coerce.number().positive().default(10),
  VIDEO_DEADLINE_MINUTES: z.coerce.number().positive().default(30),
  JOB_POLL_SECONDS: z.coerce.number().min(0.5).default(0.5),
  JOB_WORKERS: z.coerce.number().int().min(0).max(64).default(8),
  JOB_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(30),
  JOB_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).default(10),
  GENERATION_MAX_IN_FLIGHT: z.coerce.number().int().min(0).default(50),
  GENERATION_MAX_PER_DAY: z.coerce.number().int().min(0).default(1000),
  GENERATION_PROGRESS_POLL_MS: z.coerce.number().int().min(200).max(60_000).default(3000),
  TEMP_IMAGE_TTL_HOURS: z.coerce.number().positive().default(24),
  EXPORT_TTL_HOURS: z.coerce.number().positive().default(24),
  CLEANUP_CRON: z
    .string()
    .regex(/^(\S+\s+){4}\S+$/, 'must be a 5-field cron expression')
    .default('17 * * * *'),
});

export type Env = z.infer<typeof schema>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  /** PUBLIC_URL when set; otherwise the app derives it from the port it listens on. */
  publicUrl: string | undefined;
  dataDir: string;
  databaseUrl: string | undefined;
  s3:
    | { endpoint: string; publicEndpoint: string | undefined; accessKey: string; secretKey: string; region: string }
    | undefined;
  bucket: string;
  redisUrl: string | undefined;
  sessionTtlMs: number;
  admin: { email: string; password: string | undefined } | undefined;
  seed: 'auto' | 'never';
  /** Unset: `info`, or `error` under NODE_ENV=test (expected failures log at warn). */
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  limits: { apiKeyCostPerMinute: number; maxComplexity: number; maxDepth: number; bodyLimit: string };
  auth: AuthLimitSettings;
  /** Reverse proxies in front of the app whose X-Forwarded-For is believed; 0: the socket's peer is the client. */
  trustProxy: number;
  /** How often each WebSocket is pinged (one that has not answered the previous ping is cut off). */
  wsKeepAliveMs: number;
  clientDist: string | undefined;
  fal: { key: string | undefined; jwksUrl: string | undefined };
  /** Signs the row named in our fal webhook URLs; unset: generated and kept under DATA_DIR (see webhook-target.ts). */
  webhookSecret: string | undefined;
  generation: {
    reconcileAfterMs: number;
    reconcileEverySeconds: number;
    imageDeadlineMs: number;
    videoDeadlineMs: number;
    pollingIntervalSeconds: number;
    /** Workers applying fal results in this instance; 0 makes an instance that only receives webhooks. */
    outcomeWorkers: number;
    /**
     * A job is held for this long past its holder's last heartbeat: the jobs of a dead instance are
     * reclaimed (retried, or the singleton freed) within a lease plus a heartbeat.
     */
    jobLeaseSeconds: number;
    /** How often a live instance renews the leases of the jobs it runs, and how often expired ones are looked for. */
    jobHeartbeatSeconds: number;
    /** Per user (admins exempt); 0 means no cap. */
    maxInFlight: number;
    maxPerDay: number;
    /** How often fal's queue status of each PENDING generation is asked, for its live progress. */
    progressPollMs: number;
    /** Studio images never used as a reference, and unregistered uploads, are swept after this. */
    tempImageTtlMs: number;
    exportTtlMs: number;
    cleanupCron: string;
  };
}

export class ConfigError extends Error {}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const s3Parts = [e.S3_ENDPOINT, e.S3_ACCESS_KEY, e.S3_SECRET_KEY];
  if (s3Parts.some(Boolean) && !s3Parts.every(Boolean)) {
    throw new ConfigError(
      'Invalid configuration:\n  S3_ENDPOINT, S3_ACCESS_KEY and S3_SECRET_KEY must be set together',
    );
  }
  if (e.JOB_HEARTBEAT_SECONDS * 2 > e.JOB_LEASE_SECONDS) {
    throw new ConfigError(
      'Invalid configuration:\n  JOB_HEARTBEAT_SECONDS must be at most half of JOB_LEASE_SECONDS, ' +
        'or a live job could lose its lease between two heartbeats',
    );
  }
  if (e.ADMIN_PASSWORD && !e.ADMIN_EMAIL)
    throw new ConfigError('Invalid configuration:\n  ADMIN_PASSWORD needs ADMIN_EMAIL');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    s3: e.S3_ENDPOINT
      ? {
          endpoint: e.S3_ENDPOINT,
          publicEndpoint: e.S3_PUBLIC_ENDPOINT,
          accessKey: e.S3_ACCESS_KEY!,
          secretKey: e.S3_SECRET_KEY!,
          region: e.S3_REGION,
        }
      : undefined,
    bucket: e.S3_BUCKET,
    redisUrl: e.REDIS_URL,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    admin: e.ADMIN_EMAIL ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD } : undefined,
    seed: e.SEED,
    logLevel: defaultLogLevel(source),
    limits: {
      apiKeyCostPerMinute: e.API_KEY_COST_PER_MINUTE,
      maxComplexity: e.MAX_QUERY_COMPLEXITY,
      maxDepth: e.MAX_QUERY_DEPTH,
      bodyLimit: e.BODY_LIMIT,
    },
    auth: {
      failureWindowMs: e.AUTH_FAILURE_WINDOW_MINUTES * 60_000,
      maxFailuresPerAccount: e.AUTH_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerAddress: e.AUTH_MAX_FAILURES_PER_ADDRESS,
      maxSignUpsPerAddressPerHour: e.AUTH_MAX_SIGNUPS_PER_ADDRESS_PER_HOUR,
    },
    trustProxy: e.TRUST_PROXY,
    wsKeepAliveMs: e.WS_KEEP_ALIVE_SECONDS * 1000,
    clientDist: e.CLIENT_DIST,
    fal: { key: e.FAL_KEY, jwksUrl: e.FAL_JWKS_URL },
    webhookSecret: e.WEBHOOK_SECRET,
    generation: {
      reconcileAfterMs: e.RECONCILE_AFTER_SECONDS * 1000,
      reconcileEverySeconds: e.RECONCILE_EVERY_SECONDS,
      imageDeadlineMs: e.IMAGE_DEADLINE_MINUTES * 60_000,
      videoDeadlineMs: e.VIDEO_DEADLINE_MINUTES * 60_000,
      pollingIntervalSeconds: e.JOB_POLL_SECONDS,
      outcomeWorkers: e.JOB_WORKERS,
      jobLeaseSeconds: e.JOB_LEASE_SECONDS,
      jobHeartbeatSeconds: e.JOB_HEARTBEAT_SECONDS,
      maxInFlight: e.GENERATION_MAX_IN_FLIGHT,
      maxPerDay: e.GENERATION_MAX_PER_DAY,
      progressPollMs: e.GENERATION_PROGRESS_POLL_MS,
      tempImageTtlMs: e.TEMP_IMAGE_TTL_HOURS * 3600_000,
      exportTtlMs: e.EXPORT_TTL_HOURS * 3600_000,
      cleanupCron: e.CLEANUP_CRON,
    },
  };
}
