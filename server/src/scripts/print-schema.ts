// npm run generate: writes schema.graphql (sorted SDL). With --check, fails when the committed file is stale.
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { printSchema } from 'graphql';
import { schema } from '../graphql/schema/index.ts';

const target = resolve(import.meta.dirname, '../../../schema.graphql');
const sdl = `${printSchema(schema)}\n`;

if (process.argv.includes('--check')) {
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current !== sdl) {
    console.error('schema.graphql is stale: run `npm run generate` and commit it.');
    process.exit(1);
  }
  console.log('schema.graphql is up to date');
} else {
  await writeFile(target, sdl);
  console.log(`wrote ${target}`);
}
