// Root `prestart`: build the client only when client/dist is missing or stale.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const client = join(root, 'client');

function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Newest mtime among the given files/directories (walked recursively). */
function newest(paths) {
  let max = 0;
  const visit = (p) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) visit(join(p, name));
    } else if (st.mtimeMs > max) {
      max = st.mtimeMs;
    }
  };
  for (const p of paths) visit(p);
  return max;
}

const outputs = ['index.html', 'graphiql.html'].map((f) => mtime(join(client, 'dist', f)));
const inputs = ['src', 'public', 'index.html', 'graphiql.html', 'vite.config.ts', 'package.json'].map((p) =>
  join(client, p),
);
const built = outputs.includes(undefined) ? undefined : Math.min(...outputs);

if (built === undefined || newest(inputs) > built) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // Its own process group, so that a signal npm forwards to us reaches the whole build (npm, its shell, vite).
  const build = spawn(npm, ['run', 'build', '-w', 'client'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
    detached: process.platform !== 'win32',
  });
  const forward = (signal) => {
    try {
      process.kill(process.platform === 'win32' ? build.pid : -build.pid, signal);
    } catch {
      /* already gone */
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => forward(signal));
  build.on('error', (e) => {
    console.error(`client build: cannot run ${npm}: ${e.message}`);
    process.exit(1);
  });
  build.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
