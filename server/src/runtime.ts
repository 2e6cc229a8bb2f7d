import { resolve } from 'node:path';
import type { Config } from './config.ts';
import { startEmbeddedPostgres } from './embedded/postgres.ts';
import { startEmbeddedS3 } from './embedded/s3.ts';
import { createS3Storage, type Storage } from './storage/storage.ts';

/** The external services the app needs, taken from the environment or started embedded (DESIGN §3). */
export interface Runtime {
  databaseUrl: string;
  storage: Storage;
  embedded: { postgres?: string; s3?: string };
  stop(): Promise<void>;
}

export async function startRuntime(config: Config): Promise<Runtime> {
  const stops: (() => Promise<void>)[] = [];
  const embedded: Runtime['embedded'] = {};
  try {
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      const pg = await startEmbeddedPostgres(config.dataDir);
      stops.push(pg.stop);
      databaseUrl = pg.url;
      embedded.postgres = `${pg.url.replace(/:[^:@/]+@/, ':***@')} (data in ${pg.dataDir})`;
    }
    let s3 = config.s3;
    if (!s3) {
      const srv = await startEmbeddedS3(config.dataDir);
      stops.push(srv.stop);
      s3 = { endpoint: srv.endpoint, publicEndpoint: undefined, accessKey: srv.accessKey, secretKey: srv.secretKey, region: config.s3?.region ?? 'us-east-1' };
      embedded.s3 = `${srv.endpoint} (data in ${resolve(srv.dataDir)})`;
    }
    const storage = createS3Storage({ ...s3, bucket: config.bucket });
    await storage.ensureBucket();
    return {
      databaseUrl,
      storage,
      embedded,
      async stop() {
        for (const stop of stops.reverse()) await stop().catch((e) => console.error('stop failed:', e));
      },
    };
  } catch (e) {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    throw e;
  }
}
