// Prisma's schema engine as WebAssembly: the native CLI cannot download its engine on these machines
// (shared/PRISMA_OFFLINE.md). Only paths that do not introspect a live database are used.
import { readFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { MigrationList, SchemaEngine, SchemaFilter } from '@prisma/schema-engine-wasm';

export const PRISMA_DIR = resolve(import.meta.dirname, '../../../prisma');
export const MIGRATIONS_DIR = join(PRISMA_DIR, 'migrations');
export const SCHEMA_PATH = join(PRISMA_DIR, 'schema.prisma');
const FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };

let loaded = false;
function loadWasm(): void {
  if (loaded) return;
  const g = globalThis as unknown as { PRISMA_WASM_PANIC_REGISTRY?: unknown };
  let panic = '';
  g.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (m: string) => (panic = m), get: () => panic };
  const require = createRequire(import.meta.url);
  const wasmPath = join(
    require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/schema_engine_bg\.js$/, ''),
    'schema_engine_bg.wasm',
  );
  const bytes = readFileSync(wasmPath);
  // @types/node does not declare the WebAssembly global.
  const WA = (
    globalThis as unknown as {
      WebAssembly: {
        Instance: new (m: unknown, imports: object) => { exports: object };
        Module: new (b: Buffer) => unknown;
      };
    }
  ).WebAssembly;
  const instance = new WA.Instance(new WA.Module(bytes), { './schema_engine_bg.js': bg });
  const exports = instance.exports as unknown as { __wbindgen_start: () => void };
  (bg as unknown as { __wbg_set_wasm: (e: unknown) => void }).__wbg_set_wasm(instance.exports);
  exports.__wbindgen_start();
  loaded = true;
}

async function withEngine<T>(
  connectionString: string,
  schema: string,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  loadWasm();
  const pool = new pg.Pool({ connectionString, max: 2 });
  const adapter = new PrismaPg(pool);
  const logs: string[] = [];
  const engine = await (bg as unknown as typeof import('@prisma/schema-engine-wasm')).SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    (msg: string) => logs.push(msg),
    bindMigrationAwareSqlAdapterFactory(adapter),
  );
  try {
    return await fn(engine);
  } finally {
    engine.free();
    await pool.end();
  }
}

export async function readMigrations(): Promise<MigrationList> {
  const entries = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }).catch(() => []))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const lockPath = join(MIGRATIONS_DIR, 'migration_lock.toml');
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: 'migration_lock.toml', content: await readFile(lockPath, 'utf8').catch(() => null) },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      entries.map(async (path) => ({
        path,
        migrationFile: {
          path: 'migration.sql',
          content: { tag: 'ok' as const, value: await readFile(join(MIGRATIONS_DIR, path, 'migration.sql'), 'utf8') },
        },
      })),
    ),
  };
}

/** `prisma migrate deploy`: applies pending migrations, records them in `_prisma_migrations`. */
export async function applyMigrations(connectionString: string): Promise<string[]> {
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  const migrationsList = await readMigrations();
  const out = await withEngine(connectionString, schema, (e) =>
    e.applyMigrations({ migrationsList, filters: FILTERS }),
  );
  return out.appliedMigrationNames;
}

/** SQL that turns the schema `from` (or an empty database) into `to`, computed without any database. */
export async function diffSchemas(connectionString: string, from: string | null, to: string): Promise<string> {
  // The engine connects when it starts, but a diff between two datamodels reads and writes nothing.
  return withEngine(connectionString, to, async (e) => {
    const result = await e.diff({
      from:
        from === null ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: from }] },
      to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: to }] },
      script: true,
      exitCode: null,
      filters: FILTERS,
    });
    return result.stdout ?? '';
  });
}
