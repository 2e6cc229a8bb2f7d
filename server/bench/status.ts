// `npm run bench:status`: how fast a generation's status reaches the browser.
// 200 avatar generations (BENCH_AVATARS), 20 at a time (BENCH_CONCURRENCY), against the fal emulator
// with ~2 MB result videos. The app, its peers (emulator, S3) and this client each run in their own
// process. Prints p50/p99 of
//   webhook received → SUCCEEDED event at a graphql-ws client,
//   createAvatar → SUCCEEDED event,
// and, side by side, the same status seen by polling node(id) every 2 s, as the seeds did.
// A first round of BENCH_WARMUP generations (default: one per worker) runs before and is not counted, as
// bench:catalog warms up before it measures: a fresh app's first requests compile its code (V8's JIT, the
// jit-compiled GraphQL documents) and open its pools. Its webhook → event is printed on a line of its own.
// DATABASE_URL: a PostgreSQL server (a fresh database is created and dropped); unset: embedded.
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { loadConfig } from '../src/config.ts';
import { createDatabase } from '../src/db.ts';
import { applyMigrations } from '../src/db/engine.ts';
import { startEmbeddedPostgres } from '../src/embedded/postgres.ts';
import { createS3Storage } from '../src/storage/storage.ts';
import { PgCpu } from './catalog-load.ts';
import { child } from './status-child.ts';
import { copyFloor } from './status-floor.ts';
import { storeReferences } from './status-setup.ts';
import { cpuMsOf, fmt, pct, phasesOf, writeTimeline } from './status-phases.ts';

const TOTAL = Number(process.env.BENCH_AVATARS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const WARMUP = Number(process.env.BENCH_WARMUP ?? CONCURRENCY);
const VIDEO_BYTES = Number(process.env.BENCH_VIDEO_BYTES ?? 2 * 1024 * 1024);
const LATENCY_MS = Number(process.env.BENCH_FAL_LATENCY_MS ?? 1500);
const POLL_MS = 2000;
// A directory: the app process writes a V8 CPU profile there (node --cpu-prof), to see where its time goes.
const APP_PROFILE_DIR = process.env.BENCH_APP_CPU_PROF;
// The same for the peers' process (the fal emulator and the S3 server).
const PEERS_PROFILE_DIR = process.env.BENCH_PEERS_CPU_PROF;
// A file: every generation's moments (created, webhook, job started, row final, event, polled) as CSV.
const TIMELINE = process.env.BENCH_TIMELINE;
// 0: skip the copy floor (status-floor.ts), which replays the run's webhook moments (as long again as the run).
const FLOOR = process.env.BENCH_FLOOR !== '0';
const profileArgs = (dir: string | undefined) => (dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : []);

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'better-ads-bench-status-'));
  const undo: (() => Promise<unknown>)[] = [() => rm(dir, { recursive: true, force: true })];
  try {
    let base = process.env.DATABASE_URL;
    if (!base) {
      const e = await startEmbeddedPostgres(dir, 'postgres');
      undo.push(e.stop);
      base = e.url;
    }
    const name = `better_ads_bench_status_${process.pid}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    undo.push(async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    });
    const u = new URL(base);
    u.pathname = `/${name}`;
    const databaseUrl = u.toString();
    await applyMigrations(databaseUrl);
    // Three processes, as in production: the peers (fal emulator, S3), the app, and this client.
    const peers = await child<{
      s3Endpoint: string;
      s3AccessKey: string;
      s3SecretKey: string;
      emulatorUrl: string;
      jwksUrl: string;
    }>('status-peers.ts', {}, profileArgs(PEERS_PROFILE_DIR));
    undo.push(peers.stop);
    const env = {
      DATABASE_URL: databaseUrl,
      S3_ENDPOINT: peers.info.s3Endpoint,
      S3_ACCESS_KEY: peers.info.s3AccessKey,
      S3_SECRET_KEY: peers.info.s3SecretKey,
      BENCH_EMULATOR_URL: peers.info.emulatorUrl,
      BENCH_JWKS_URL: peers.info.jwksUrl,
    };
    const appProc = await child<{ url: string }>('status-app.ts', env, profileArgs(APP_PROFILE_DIR));
    undo.push(appProc.stop);
    const app = { url: appProc.info.url };
    const config = loadConfig({ ...env, SEED: 'never' });
    const storage = createS3Storage({ ...config.s3!, bucket: config.bucket });
    await storage.ensureBucket();
    const { db: prisma, close } = createDatabase(databaseUrl, { max: 4 });
    undo.push(close);

    const gql = async (query: string, variables: object, token?: string) => {
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as any;
    };
    const token = (
      await gql(
        `mutation { signUp(input: { email: "bench@example.com", name: "Bench", password: "benchmark!" }) {
          ... on MutationSignUpSuccess { data { token } } } }`,
        {},
      )
    ).data.signUp.data.token;
    const user = await prisma.user.findFirstOrThrow();
    const projectGid = (
      await gql(
        `mutation { createProject(input: { name: "Bench" }) { ... on MutationCreateProjectSuccess { data { id } } } }`,
        {},
        token,
      )
    ).data.createProject.data.id;
    const projectId = Buffer.from(projectGid, 'base64').toString().split(':')[1]!;
    const imageIds = await storeReferences(prisma, storage, user.id, projectId, WARMUP + TOTAL);

    const ws = createClient({
      url: `${app.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
    });
    const eventAt = new Map<string, number>();
    const waiters = new Map<string, () => void>();
    await new Promise<void>((ready, fail) => {
      ws.subscribe(
        {
          query: `subscription($id: ID!) { projectUpdated(projectId: $id) { kind avatar { id status } } }`,
          variables: { id: projectGid },
        },
        {
          next: (v: any) => {
            const a = v.data?.projectUpdated?.avatar;
            if (a?.status === 'SUCCEEDED' && !eventAt.has(a.id)) {
              eventAt.set(a.id, Date.now());
              waiters.get(a.id)?.();
            }
          },
          error: fail,
          complete: () => {},
        },
      );
      ws.on('connected', () => setTimeout(ready, 200));
    });

    const createToEvent = new Map<string, number>();
    const pollSeen = new Map<string, number>();
    const createdAt = new Map<string, number>();
    let next = 0;
    const worker = async (end: number) => {
      while (next < end) {
        const i = next++;
        const t0 = Date.now();
        const r = await gql(
          `mutation($input: CreateAvatarInput!) { createAvatar(input: $input) {
            ... on MutationCreateAvatarSuccess { data { id } } ... on Error { message } } }`,
          { input: { projectId: projectGid, name: `Bench ${i}`, imageId: imageIds[i] } },
          token,
        );
        const id = r.data?.createAvatar?.data?.id;
        if (!id) throw new Error(`createAvatar failed: ${JSON.stringify(r)}`);
        createdAt.set(id, t0);
        // The seeds' way: ask node(id) every 2 s until it says SUCCEEDED.
        const polling = (async () => {
          for (;;) {
            await new Promise((res) => setTimeout(res, POLL_MS));
            const n = await gql(`query($id: ID!) { node(id: $id) { ... on Avatar { status } } }`, { id }, token);
            if (n.data?.node?.status === 'SUCCEEDED' || n.data?.node?.status === 'FAILED') {
              pollSeen.set(id, Date.now());
              return;
            }
          }
        })();
        if (!eventAt.has(id)) await new Promise<void>((res) => waiters.set(id, res));
        createToEvent.set(id, eventAt.get(id)! - t0);
        await polling;
      }
    };
    const run = (end: number) => Promise.all(Array.from({ length: CONCURRENCY }, () => worker(end)));
    await run(WARMUP);
    const warmIds = new Set(createdAt.keys());
    // The backends alive at both ends: the app's pools and pg-boss's, which outlive the run.
    const pgCpu = await PgCpu.open(databaseUrl);
    if (pgCpu) undo.push(() => pgCpu.close());
    const pgBefore = await pgCpu?.snapshot();
    const cpuBefore = await Promise.all([appProc.pid, peers.pid, process.pid].map(cpuMsOf));
    await appProc.ask('delay:reset');
    const started = Date.now();
    await run(WARMUP + TOTAL);
    const wall = (Date.now() - started) / 1000;
    const cpuAfter = await Promise.all([appProc.pid, peers.pid, process.pid].map(cpuMsOf));
    const cpuPer = cpuAfter.map((a, i) => (a === null || cpuBefore[i] === null ? NaN : (a - cpuBefore[i]!) / TOTAL));
    const pgAfter = await pgCpu?.snapshot();
    const delay = (await appProc.ask('delay:report')) as { p50: number; p99: number; max: number };
    const pgPer = pgCpu && pgBefore && pgAfter ? pgCpu.msBetween(pgBefore, pgAfter) / TOTAL : NaN;

    // Webhook receipt and the moment the row turned SUCCEEDED, from the database (same machine clock).
    const all = await prisma.avatar.findMany({
      select: { id: true, status: true, falRequestId: true, finishedAt: true },
    });
    const gidOf = (id: string) => Buffer.from(`Avatar:${id}`).toString('base64');
    const rows = all.filter((r) => !warmIds.has(gidOf(r.id)));
    const deliveries = await prisma.falWebhookDelivery.findMany({ select: { requestId: true, receivedAt: true } });
    const received = new Map(deliveries.map((d) => [d.requestId, d.receivedAt.getTime()]));
    const finishToEvent: number[] = [];
    const finishToPoll: number[] = [];
    const webhookToPoll: number[] = [];
    const webhookToEventOf = (r: (typeof all)[number]) => {
      const ev = eventAt.get(gidOf(r.id));
      const rec = r.falRequestId ? received.get(r.falRequestId) : undefined;
      return ev && rec ? [ev - rec] : [];
    };
    const webhookToEvent = rows.flatMap(webhookToEventOf);
    const coldWebhookToEvent = all.filter((r) => warmIds.has(gidOf(r.id))).flatMap(webhookToEventOf);
    for (const r of rows) {
      const gid = gidOf(r.id);
      const ev = eventAt.get(gid);
      const rec = r.falRequestId ? received.get(r.falRequestId) : undefined;
      if (ev && r.finishedAt) finishToEvent.push(ev - r.finishedAt.getTime());
      const polled = pollSeen.get(gid);
      if (polled && r.finishedAt) finishToPoll.push(polled - r.finishedAt.getTime());
      if (polled && rec) webhookToPoll.push(polled - rec);
    }
    const { toStart, startToRow, jobStarted } = await phasesOf(prisma, rows, received);
    if (TIMELINE) {
      const since = (at: number | undefined) => (at === undefined ? undefined : at - started);
      const moments = rows.map((r) => {
        const gid = gidOf(r.id);
        const request = r.falRequestId ?? '';
        return {
          created: since(createdAt.get(gid)),
          webhook: since(received.get(request)),
          jobStarted: since(jobStarted.get(request)),
          rowFinal: since(r.finishedAt?.getTime()),
          event: since(eventAt.get(gid)),
          polled: since(pollSeen.get(gid)),
        };
      });
      await writeTimeline(TIMELINE, moments);
    }
    const webhookMoments = rows.flatMap((r) => {
      const at = r.falRequestId ? received.get(r.falRequestId) : undefined;
      return at === undefined ? [] : [at];
    });
    const floor = FLOOR ? await copyFloor(peers.info, storage, VIDEO_BYTES, webhookMoments, CONCURRENCY) : null;
    const failed = all.filter((r) => r.status !== 'SUCCEEDED').length;
    const measuredCreateToEvent = [...createToEvent].filter(([id]) => !warmIds.has(id)).map(([, ms]) => ms);
    await ws.dispose();

    console.log(
      `\nbench:status — ${TOTAL} avatars after ${WARMUP} of warm-up, ${CONCURRENCY} at a time, emulator latency ` +
        `${LATENCY_MS} ms, videos ≈${(VIDEO_BYTES / 1048576).toFixed(1)} MB, ${wall.toFixed(1)} s wall, ` +
        `${failed} not SUCCEEDED`,
    );
    console.log(
      `  CPU per generation: app ${cpuPer[0]!.toFixed(1)} ms, peers (emulator + S3) ${cpuPer[1]!.toFixed(1)} ms, ` +
        `this client ${cpuPer[2]!.toFixed(1)} ms, PostgreSQL ${pgPer.toFixed(1)} ms; load average ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
    );
    console.log(
      `  the app's event loop, delay of a 10 ms timer: p50 ${delay.p50.toFixed(1)} ms, ` +
        `p99 ${delay.p99.toFixed(1)} ms, max ${delay.max.toFixed(1)} ms`,
    );
    console.log(`  webhook received → SUCCEEDED event (graphql-ws)   ${fmt(webhookToEvent)}`);
    console.log(`    of which webhook received → job started       ${fmt(toStart)}`);
    console.log(`    of which job started → row SUCCEEDED          ${fmt(startToRow)}`);
    console.log(`  createAvatar → SUCCEEDED event                    ${fmt(measuredCreateToEvent)}`);
    console.log(`  row SUCCEEDED → event                             ${fmt(finishToEvent)}`);
    console.log(`  webhook received → seen by polling node() / 2 s   ${fmt(webhookToPoll)}`);
    if (coldWebhookToEvent.length)
      console.log(`  warm-up (a fresh app), webhook → event            ${fmt(coldWebhookToEvent)}`);
    console.log(`  row SUCCEEDED → seen by polling                   ${fmt(finishToPoll)}`);
    if (floor) {
      console.log(`  the video's copy alone (app idle), at the run's webhook moments  ${floor.atWebhooks}`);
      console.log(`  the video's copy alone, ${CONCURRENCY} at the same instant ×5         ${floor.atOnce}`);
    }
    const ok = pct(webhookToEvent, 99) < 250; // issue 14
    console.log(
      `  aim: webhook→event p99 < 250 ms: ${ok ? 'met' : 'NOT met'}; subscription vs polling (p50, from SUCCEEDED): ` +
        `${(pct(finishToPoll, 50) / Math.max(1, pct(finishToEvent, 50))).toFixed(0)}× sooner`,
    );
    if (failed) process.exitCode = 1;
  } finally {
    for (const u of undo.reverse()) await u().catch((e: unknown) => console.error('cleanup:', (e as Error).message));
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
