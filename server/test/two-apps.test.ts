// Two apps made by createApp in one process, on one database and one Redis, as two instances behind a
// load balancer would be: a catalog change through one drops the other's caches (through pub/sub, never
// through shared memory), their subscriptions and jobs are their own, and so are their clients and loggers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFalEmulator, type FalEmulator } from '../src/fal/emulator.ts';
import { createPublicAvatars, createTaxonomy } from './fixtures.ts';
import { dbId, startTestApp, type TestApp, waitFor } from './helpers.ts';

const REDIS = { REDIS_URL: 'redis://127.0.0.1:6379', RECONCILE_AFTER_SECONDS: '600' };
const PAGE = `query TwoApps {
  publicAvatars(first: 10) { ... on PublicAvatarConnection { edges { node { id name } } } }
}`;
const GENERATE = `mutation($input: GenerateImageInput!) {
  generateImage(input: $input) { ... on MutationGenerateImageSuccess { data { id } } }
}`;
const SUBSCRIBE = `subscription($id: ID!) { projectUpdated(projectId: $id) { kind image { status } } }`;
const RENAME = `mutation($input: RenameProjectInput!) { renameProject(input: $input) { __typename } }`;
const UPDATE_AVATAR = `mutation($input: UpdatePublicAvatarInput!) { updatePublicAvatar(input: $input) { __typename } }`;
const CREATE_PROJECT = `mutation { createProject(input: { name: "Shared" }) {
  ... on MutationCreateProjectSuccess { data { id } }
} }`;

let emulator: FalEmulator;
let a: TestApp;
let b: TestApp;
let aStopped = false;
const logsOf = { a: [] as string[], b: [] as string[] };

beforeAll(async () => {
  // Kept by the test: stopping app A must not take fal away from app B.
  emulator = await startFalEmulator({ latencyMs: 50 });
  const capture = (lines: string[]) => ({
    logLevel: 'info' as const,
    logDestination: { write: (l: string) => void lines.push(l) },
  });
  a = await startTestApp(REDIS, { emulator, ...capture(logsOf.a) });
  b = await startTestApp(REDIS, { shareWith: a, emulator, ...capture(logsOf.b) });
});
afterAll(async () => {
  if (!aStopped) await a.stop();
  await b.stop();
  await emulator.stop();
});

/** An anonymous catalog read, the request the answer cache keeps. */
async function names(app: TestApp): Promise<string[]> {
  const headers = { 'content-type': 'application/json' };
  const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query: PAGE }) });
  const body = (await res.json()) as { data: { publicAvatars: { edges: { node: { name: string } }[] } } };
  return body.data.publicAvatars.edges.map((e) => e.node.name).sort();
}

describe('two apps in one process', () => {
  it('each has its own database client, logger, pub/sub, pipeline, limits and jobs', () => {
    for (const part of ['db', 'log', 'pubsub', 'pipeline', 'authLimits', 'settings'] as const) {
      expect(a.app.deps[part], part).not.toBe(b.app.deps[part]);
    }
    expect(a.app.jobs).not.toBe(b.app.jobs);
    // The catalog's caches, once they are built per app (deps.catalog), are each app's own too.
    const catalogOf = (app: TestApp) => (app.app.deps as { catalog?: object }).catalog;
    if (catalogOf(a) !== undefined) expect(catalogOf(a)).not.toBe(catalogOf(b));
  });

  it("drops the other app's catalog caches through pub/sub, and only then", async () => {
    const tagIds = await createTaxonomy(a);
    const [first, second] = await createPublicAvatars(a, tagIds, 3);
    expect(await names(b)).toEqual(['Avatar 000', 'Avatar 001', 'Avatar 002']);

    // Written straight to the database, not through an app: no event, so B keeps what it has...
    await a.sql(`UPDATE "Avatar" SET name = 'Behind the back' WHERE id = $1`, [first!.id]);
    for (let i = 0; i < 5; i++) {
      expect(await names(b)).toEqual(['Avatar 000', 'Avatar 001', 'Avatar 002']);
      await new Promise((r) => setTimeout(r, 250));
    }
    // ...while A, which never kept this answer, reads the database.
    expect(await names(a)).toEqual(['Avatar 001', 'Avatar 002', 'Behind the back']);

    // An admin's change through A: A publishes catalogChanged on Redis, and B drops its caches on it.
    const admin = await a.admin();
    const renamed = await a.gql(
      UPDATE_AVATAR,
      { input: { id: Buffer.from(`Avatar:${second!.id}`).toString('base64'), name: 'Through app A' } },
      admin.token,
    );
    expect(renamed.data.updatePublicAvatar.__typename).toBe('MutationUpdatePublicAvatarSuccess');
    const fresh = ['Avatar 002', 'Behind the back', 'Through app A'];
    const answersFresh = async () => JSON.stringify(await names(b)) === JSON.stringify(fresh);
    await waitFor('B answers the new catalog', answersFresh, 2_000);
  });

  it("keeps B's subscriptions and jobs going when A stops", async () => {
    const { token } = await a.signUp();
    const created = await a.gql(CREATE_PROJECT, {}, token);
    const projectId = created.data.createProject.data.id as string;
    const events: { kind: string; status?: string }[] = [];
    let failed: unknown;
    b.ws(token).subscribe(
      { query: SUBSCRIBE, variables: { id: projectId } },
      {
        next: (v: any) => {
          const e = v.data.projectUpdated;
          events.push({ kind: e.kind, status: e.image?.status });
        },
        error: (e) => (failed = e),
        complete: () => (failed = 'completed'),
      },
    );
    await new Promise((r) => setTimeout(r, 300));

    // A mutation on A reaches the subscriber on B through Redis.
    await a.gql(RENAME, { input: { id: projectId, name: 'Renamed on A' } }, token);
    await waitFor('the event from A on B', async () => events.some((e) => e.kind === 'PROJECT'), 5_000);

    await a.stop();
    aStopped = true;
    // A generation started on B after A stopped: fal's webhook comes to B, B's jobs apply it, its subscriber hears.
    const image = await b.gql(GENERATE, { input: { projectId, prompt: 'after A stopped' } }, token);
    const id = dbId(image.data.generateImage.data.id);
    await waitFor('SUCCEEDED on B', async () => events.some((e) => e.kind === 'IMAGE' && e.status === 'SUCCEEDED'));
    expect(failed).toBeUndefined();
    // Progress may push more PENDING events in between (progress.test.ts).
    const statuses = events.filter((e) => e.kind === 'IMAGE').map((e) => e.status);
    expect(statuses.filter((s, i) => s !== statuses[i - 1])).toEqual(['PENDING', 'SUCCEEDED']);

    // Each app wrote its own lines: the generation is in B's log only.
    const about = (lines: string[]) =>
      lines.map((l) => JSON.parse(l) as { event?: string; generationId?: string }).filter((l) => l.generationId === id);
    expect(about(logsOf.b).map((l) => l.event)).toContain('generation.succeeded');
    expect(about(logsOf.a)).toEqual([]);
  });
});
