import { resolve } from 'node:path';
import type { Config } from './config.ts';
import { startEmbeddedPostgres } from './embedded/postgres.ts';
import { startEmbeddedS3 } from './embedded/s3.ts';
import { createS3Storage, type Storage } from './storage/storage.ts';
import { describeUrl, StartupError } from './startup-error.ts';
import { startFalEmulator, type FalEmulator } from './fal/emulator.ts';
import { createFalGateway, type FalGateway } from './fal/gateway.ts';
import { createWebhookVerifier, FAL_JWKS_URL, type WebhookVerifier } from './fal/webhook.ts';

/** The external services the app needs, taken from the environment or started embedded (DESIGN §3). */
export interface Runtime {
  databaseUrl: string;
  storage: Storage;
  embedded: { postgres?: string; s3?: string };
  stop: () => Promise<void>;
}

interface Started<T> {
  value: T;
  embedded?: string;
  stop: () => Promise<void>;
}

const noop = async () => {};

export async function startDatabase(config: Config): Promise<Started<string>> {
  if (config.databaseUrl) return { value: config.databaseUrl, stop: noop };
  const pg = await startEmbeddedPostgres(config.dataDir);
  return { value: pg.url, embedded: `${pg.url.replace(/:[^:@/]+@/, ':***@')} (${pg.location})`, stop: pg.stop };
}

export async function startStorage(config: Config): Promise<Started<Storage>> {
  let s3 = config.s3;
  let started: Started<Storage> | undefined;
  if (!s3) {
    const srv = await startEmbeddedS3(config.dataDir).catch((error: unknown) => {
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      if (!code || !['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'ENOSPC'].includes(code)) throw error;
      throw new StartupError(
        `cannot write the embedded S3 data in ${resolve(config.dataDir, 's3')} (${code})`,
        'make DATA_DIR writable by this user, set DATA_DIR to a writable directory, or set S3_ENDPOINT',
      );
    });
    s3 = {
      endpoint: srv.endpoint,
      publicEndpoint: undefined,
      accessKey: srv.accessKey,
      secretKey: srv.secretKey,
      region: 'us-east-1',
    };
    started = {
      value: undefined as never,
      embedded: `${srv.endpoint} (data in ${resolve(srv.dataDir)})`,
      stop: srv.stop,
    };
  }
  const storage = createS3Storage({ ...s3, bucket: config.bucket });
  try {
    await storage.ensureBucket();
  } catch (e) {
    await started?.stop();
    const where = started ? 'the embedded S3 server' : `S3_ENDPOINT ${describeUrl(s3.endpoint)}`;
    throw new StartupError(
      `S3 bucket ${config.bucket} on ${where} cannot be checked or created: ` +
        ((e as Error | undefined)?.message || (e as { code?: string } | undefined)?.code || String(e)),
      started
        ? 'see the reason above, or set S3_ENDPOINT to use another S3 server'
        : 'check that the S3 server is up and that S3_ENDPOINT, S3_ACCESS_KEY, S3_SECRET_KEY and S3_BUCKET are right',
    );
  }
  return { value: storage, embedded: started?.embedded, stop: started?.stop ?? noop };
}

/** fal itself with FAL_KEY; otherwise the emulator, in this process, reached by the real client. */
export async function startFal(
  config: Config,
  existing?: Pick<FalEmulator, 'url' | 'jwksUrl'>,
): Promise<Started<{ gateway: FalGateway; verifier: WebhookVerifier; emulator?: FalEmulator }>> {
  if (config.fal.key) {
    return {
      value: {
        gateway: createFalGateway({ credentials: config.fal.key }),
        verifier: createWebhookVerifier({ jwksUrl: config.fal.jwksUrl ?? FAL_JWKS_URL }),
      },
      stop: noop,
    };
  }
  // One given is its owner's to stop; one started here is this app's.
  const started = existing ? undefined : await startFalEmulator();
  const emulator = existing ?? started!;
  return {
    value: {
      gateway: createFalGateway({ credentials: 'emulator', baseUrl: emulator.url }),
      verifier: createWebhookVerifier({ jwksUrl: config.fal.jwksUrl ?? emulator.jwksUrl }),
      emulator: started,
    },
    embedded: `${emulator.url} (fal emulator: real PNG/MP4 results, signed webhooks)`,
    stop: async () => started?.stop(),
  };
}

export async function startRuntime(config: Config): Promise<Runtime> {
  const database = await startDatabase(config);
  let storage: Started<Storage>;
  try {
    storage = await startStorage(config);
  } catch (e) {
    await database.stop();
    throw e;
  }
  return {
    databaseUrl: database.value,
    storage: storage.value,
    embedded: {
      ...(database.embedded ? { postgres: database.embedded } : {}),
      ...(storage.embedded ? { s3: storage.embedded } : {}),
    },
    async stop() {
      await storage.stop().catch((e: unknown) => console.error('stop failed:', e));
      await database.stop().catch((e: unknown) => console.error('stop failed:', e));
    },
  };
}
