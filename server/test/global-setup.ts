// Once per test run: a PostgreSQL (DATABASE_URL, else embedded), a migrated template database that each
// test file clones, and one embedded S3 server. Nothing here is a mock: these are the real services.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { applyMigrations } from '../src/db/engine.ts';
import { startEmbeddedPostgres } from '../src/embedded/postgres.ts';
import { startEmbeddedS3 } from '../src/embedded/s3.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    templateDb: string;
    s3Endpoint: string;
    s3AccessKey: string;
    s3SecretKey: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = await mkdtemp(join(tmpdir(), 'better-ads-test-'));
  const stops: (() => Promise<unknown>)[] = [() => rm(dir, { recursive: true, force: true })];
  let baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    const embedded = await startEmbeddedPostgres(dir, 'postgres');
    stops.push(embedded.stop);
    baseUrl = embedded.url;
  }
  const templateDb = `better_ads_test_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${templateDb}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${templateDb}"`);
  const url = new URL(baseUrl);
  url.pathname = `/${templateDb}`;
  await applyMigrations(url.toString());
  stops.push(async () => {
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `better_ads_test_%_${process.pid}%`,
    ]);
    for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
    await admin.end();
  });
  const s3 = await startEmbeddedS3(dir);
  stops.push(s3.stop);

  project.provide('databaseUrl', baseUrl);
  project.provide('templateDb', templateDb);
  project.provide('s3Endpoint', s3.endpoint);
  project.provide('s3AccessKey', s3.accessKey);
  project.provide('s3SecretKey', s3.secretKey);

  return async () => {
    for (const stop of stops.reverse()) await stop().catch((e: unknown) => console.error('teardown:', e));
  };
}
