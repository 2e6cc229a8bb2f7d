// The production runtime as the image runs it: the server built to JavaScript (`npm run build:server`), started
// with plain `node server/dist/main.js` (no tsx) against the real database and S3, answering health and GraphQL.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshDatabase } from './helpers.ts';
import { freePort, ROOT } from './npm-start.ts';

const DIST = resolve(ROOT, 'server/dist');
let child: ChildProcess | undefined;
let dataDir: string | undefined;

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
  );

beforeAll(() => {
  const built = spawnSync('npm', ['run', 'build:server'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`npm run build:server failed:\n${built.stdout}\n${built.stderr}`);
}, 600_000);

afterAll(async () => {
  try {
    if (child?.pid) process.kill(-child.pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('the built server', () => {
  it('imports only relative .js files, Node built-ins and production dependencies of the server', () => {
    const pkg = JSON.parse(readFileSync(resolve(ROOT, 'server/package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const allowed = new Set([...Object.keys(pkg.dependencies), ...builtinModules]);
    const problems: string[] = [];
    const js = files(DIST);
    expect(js.map((f) => f.slice(DIST.length + 1))).toContain('main.js');
    for (const file of js) {
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(
        /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']/g,
      )) {
        const spec = (m[1] ?? m[2])!;
        if (spec.startsWith('.')) {
          if (!spec.endsWith('.js')) problems.push(`${file}: ${spec}`);
          continue;
        }
        const name = spec.startsWith('node:')
          ? spec.slice(5)
          : spec
              .split('/')
              .slice(0, spec.startsWith('@') ? 2 : 1)
              .join('/');
        if (!allowed.has(name) && !allowed.has(spec.replace(/^node:/, ''))) problems.push(`${file}: ${spec}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('runs on plain node against real PostgreSQL and S3: /healthz, GraphQL, a clean SIGTERM', async () => {
    const port = await freePort();
    dataDir = await mkdtemp(join(tmpdir(), 'better-ads-built-'));
    child = spawn(process.execPath, ['server/dist/main.js'], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH!,
        HOME: process.env.HOME ?? '/root',
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: await freshDatabase(),
        S3_ENDPOINT: inject('s3Endpoint'),
        S3_ACCESS_KEY: inject('s3AccessKey'),
        S3_SECRET_KEY: inject('s3SecretKey'),
        S3_BUCKET: `built-${randomBytes(4).toString('hex')}`,
        SEED: 'never',
        DATA_DIR: dataDir,
      },
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((ok) => child!.once('exit', (code) => ok(code)));
    for (let i = 0; i < 1200 && !out.includes('Better Ads is up'); i++) {
      if (child.exitCode !== null) throw new Error(`the built server exited:\n${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(out).toContain('Better Ads is up');
    expect(out).toContain('migrations up to date');
    const argv = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    expect(argv.slice(1)).toEqual(['server/dist/main.js']);

    expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(await ready.json()).toEqual({ status: 'ready', database: true, storage: true });
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { signUp(input: { email: "built@example.com", name: "Built", password: "plain node 24" }) {
          ... on MutationSignUpSuccess { data { user { email } } } } }`,
      }),
    });
    const body = (await res.json()) as any;
    expect(body.data.signUp.data.user.email).toBe('built@example.com');

    process.kill(child.pid!, 'SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toContain('stopped');
  }, 300_000);
});
