import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { applyMigrations, diffSchemas, MIGRATIONS_DIR } from './engine.ts';
import { schemaSnapshot } from './schema-snapshot.ts';

/** The schema.prisma kept beside the newest migration: what that migration was written from. */
export async function lastSnapshot(): Promise<string | null> {
  const dirs = (await readdir(MIGRATIONS_DIR).catch(() => [] as string[]))
    .filter((d) => existsSync(join(MIGRATIONS_DIR, d, 'migration.sql')))
    .sort();
  const last = dirs.at(-1);
  if (!last) return null;
  const path = join(MIGRATIONS_DIR, last, 'schema.prisma');
  if (!existsSync(path)) throw new Error(`${path} is missing: every migration keeps the schema it was written from`);
  return readFile(path, 'utf8');
}

async function withTempDatabase<T>(baseUrl: string, name: string, fn: (url: string) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  const db = `${name}_${process.pid}_${Date.now()}`;
  await admin.query(`CREATE DATABASE "${db}"`);
  try {
    const url = new URL(baseUrl);
    url.pathname = `/${db}`;
    return await fn(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
    await admin.end();
  }
}

export interface DriftReport {
  ok: boolean;
  objects: number;
  onlyMigrations: string[];
  onlySchema: string[];
  snapshotMatches: boolean;
}

/**
 * Drift check without introspection (shared/PRISMA_OFFLINE.md): the committed migrations and `schema`
 * are each applied to an empty database, and the two catalogs compared.
 */
export async function migrationDrift(databaseUrl: string, schema: string): Promise<DriftReport> {
  const snapshotMatches = (await lastSnapshot()) === schema;
  const fromMigrations = await withTempDatabase(databaseUrl, 'drift_migrations', async (url) => {
    await applyMigrations(url);
    return schemaSnapshot(url);
  });
  const fromSchema = await withTempDatabase(databaseUrl, 'drift_schema', async (url) => {
    const sql = await diffSchemas(url, null, schema);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(sql).finally(() => client.end());
    return schemaSnapshot(url);
  });
  const a = new Set(fromMigrations.split('\n'));
  const b = new Set(fromSchema.split('\n'));
  const onlyMigrations = [...a].filter((l) => !b.has(l));
  const onlySchema = [...b].filter((l) => !a.has(l));
  return {
    ok: !onlyMigrations.length && !onlySchema.length && snapshotMatches,
    objects: a.size,
    onlyMigrations,
    onlySchema,
    snapshotMatches,
  };
}
