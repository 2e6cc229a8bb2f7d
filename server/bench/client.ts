// `npm run bench:client`: the client's weight and speed.
// 1. Builds the client (into a temporary directory) and prints the gzip size of the JavaScript the first
//    page loads: the module scripts of index.html and their modulepreload links (not the whole dist:
//    the GraphiQL page and lazy chunks are not loaded by "/").
// 2. Starts the real server (`server/src/main.ts`: migrations, seed of 24 public avatars, fal emulator,
//    embedded S3; DATABASE_URL → a fresh database on that server, else an embedded PostgreSQL) serving
//    that build, and measures in headless Chromium (Debian's /usr/bin/chromium), cold cache each time,
//    the time from navigation to the first catalog page rendered (24 cards in the DOM). Median of
//    BENCH_RUNS (5) runs.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { buildClient, launchChromium, ROOT } from '../test/browser.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BUDGET_KB = 250;

/** The JS files index.html makes the browser load: module scripts and modulepreload links. */
export function firstPageScripts(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\btype=["']module["'][^>]*\bsrc=["']([^"']+)["']/g)) out.add(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*\brel=["']modulepreload["'][^>]*\bhref=["']([^"']+)["']/g)) out.add(m[1]!);
  return [...out];
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'better-ads-bench-client-'));
  // mkdtemp makes it 0700: as root, the embedded PostgreSQL runs as `postgres` and must reach data/ inside.
  await chmod(dir, 0o755);
  const undo: (() => Promise<unknown>)[] = [() => rm(dir, { recursive: true, force: true })];
  try {
    // 1. Weight.
    const dist = join(dir, 'dist');
    const t0 = performance.now();
    buildClient(dist);
    console.log(`client built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    let total = 0;
    let raw = 0;
    console.log('JS loaded by the first page (index.html module scripts + modulepreload):');
    for (const src of firstPageScripts(html)) {
      const bytes = readFileSync(join(dist, src.replace(/^\//, '')));
      const gz = gzipSync(bytes, { level: 9 }).length;
      total += gz;
      raw += bytes.length;
      console.log(
        `  ${src.padEnd(40)} ${(bytes.length / 1024).toFixed(1).padStart(7)} KB   ` +
          `gzip ${(gz / 1024).toFixed(1).padStart(6)} KB`,
      );
    }
    console.log(
      `  total${' '.repeat(35)} ${(raw / 1024).toFixed(1).padStart(7)} KB   ` +
        `gzip ${(total / 1024).toFixed(1).padStart(6)} KB   ` +
        `(budget ${BUDGET_KB} KB: ${total / 1024 <= BUDGET_KB ? 'within' : 'OVER'})`,
    );

    // 2. Speed, against the real server.
    const env: Record<string, string> = {
      DATA_DIR: join(dir, 'data'),
      CLIENT_DIST: dist,
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
    };
    const base = process.env.DATABASE_URL;
    if (base) {
      const name = `better_ads_bench_client_${process.pid}`;
      const admin = new pg.Client({ connectionString: base });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      undo.push(async () => {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
      });
      const u = new URL(base);
      u.pathname = `/${name}`;
      env.DATABASE_URL = u.toString();
    } else {
      delete process.env.DATABASE_URL;
    }
    const port = await freePort();
    env.PORT = String(port);
    const url = `http://127.0.0.1:${port}`;
    const server = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, 'server/src/main.ts')], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    server.stdout.on('data', (d: Buffer) => (log += d.toString()));
    server.stderr.on('data', (d: Buffer) => (log += d.toString()));
    undo.push(
      () =>
        new Promise<void>((done) => {
          if (server.exitCode !== null) {
            done();
            return;
          }
          server.once('exit', () => done());
          server.kill('SIGTERM');
        }),
    );
    const gql = async (query: string, variables?: unknown, token?: string) => {
      const r = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await r.json()) as any;
    };
    // Ready when the seeded catalog answers.
    const deadline = Date.now() + 180_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`server exited ${server.exitCode}:\n${log}`);
      const n = await gql('{ publicAvatars(first: 1) { ... on PublicAvatarConnection { totalCount } } }')
        .then((j) => j?.data?.publicAvatars?.totalCount as number | undefined)
        .catch(() => undefined);
      if (n && n >= 24) break;
      if (Date.now() > deadline) throw new Error(`server not ready after 180 s:\n${log}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const signUp = await gql(
      `mutation($input: SignUpInput!) { signUp(input: $input) { ... on MutationSignUpSuccess { data { token } }
        ... on Error { message } } }`,
      {
        input: { email: `bench-${process.pid}@example.com`, name: 'Bench', password: 'correct horse battery' },
      },
    );
    const token: string = signUp.data.signUp.data.token;

    const browser = await launchChromium();
    undo.push(() => browser.close());
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } }); // cold cache
      await context.addInitScript((t) => (globalThis as any).localStorage.setItem('better-ads:token', t), token);
      const page = await context.newPage();
      await page.goto(`${url}/catalog`, { waitUntil: 'commit' });
      // performance.now() is measured from the navigation's start.
      const ms = await page.waitForFunction(
        () =>
          (globalThis as any).document.querySelectorAll('[data-testid="catalog-card"]').length >= 24
            ? performance.now()
            : 0,
        null,
        { polling: 'raf', timeout: 30_000 },
      );
      times.push(await ms.jsonValue());
      await context.close();
    }
    console.log(
      `first catalog page rendered (24 cards, cold cache, navigation start → DOM): ` +
        `median ${median(times).toFixed(0)} ms over ${RUNS} runs [${times.map((t) => t.toFixed(0)).join(', ')}]`,
    );
  } finally {
    for (const u of undo.reverse()) await u().catch((e: unknown) => console.error('cleanup:', e));
  }
}

await main();
