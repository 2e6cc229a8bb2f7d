// `prisma generate` never needs the native schema engine, but the CLI insists on resolving one and
// its download fails offline: point it at an executable stub (see shared/PRISMA_OFFLINE.md).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'server', 'package.json'));
let cli;
try {
  cli = require.resolve('prisma/build/index.js');
} catch {
  console.log('prisma not installed yet; skipping client generation');
  process.exit(0);
}
// The Pothos generator is found on PATH, as npm scripts would have it.
const bin = join(root, 'node_modules', '.bin');
const env = {
  ...process.env,
  PATH: `${bin}${process.platform === 'win32' ? ';' : ':'}${process.env.PATH ?? ''}`,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '/bin/true',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
};
const r = spawnSync(process.execPath, [cli, 'generate', '--schema', join(root, 'prisma/schema.prisma')], {
  cwd: root,
  env,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
