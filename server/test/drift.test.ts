import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { printSchema } from 'graphql';
import { describe, expect, inject, it } from 'vitest';
import { migrationDrift } from '../src/db/drift.ts';
import { SCHEMA_PATH } from '../src/db/engine.ts';
import { schema } from '../src/graphql/schema/index.ts';

describe('generated artifacts', () => {
  it('schema.graphql is the printed, sorted schema (run `npm run generate`)', async () => {
    const committed = await readFile(resolve(import.meta.dirname, '../../schema.graphql'), 'utf8');
    expect(committed).toBe(`${printSchema(schema)}\n`);
  });

  it('prisma/migrations produce exactly prisma/schema.prisma', async () => {
    const report = await migrationDrift(inject('databaseUrl'), await readFile(SCHEMA_PATH, 'utf8'));
    expect(report).toMatchObject({ ok: true, onlyMigrations: [], onlySchema: [], snapshotMatches: true });
    expect(report.objects).toBeGreaterThan(100);
  });

  it('notices a schema change that has no migration', async () => {
    const current = await readFile(SCHEMA_PATH, 'utf8');
    const changed = current
      .replace('model Project {\n', 'model Project {\n  archivedAt DateTime?\n')
      .replace('@@index([ownerId, createdAt(sort: Desc), id(sort: Desc)])', '@@index([ownerId])');
    expect(changed).not.toBe(current);
    const report = await migrationDrift(inject('databaseUrl'), changed);
    expect(report.ok).toBe(false);
    expect(report.snapshotMatches).toBe(false);
    expect(report.onlySchema.some((l) => l.includes('Project.archivedAt'))).toBe(true);
    expect(report.onlyMigrations.some((l) => l.includes('Project_ownerId_createdAt_id_idx'))).toBe(true);
  });
});
