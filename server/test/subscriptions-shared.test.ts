// Shared subscriptions (issue 14) over the real API: identical subscriptions form one group that executes
// each event once, authorization stays per subscriber, order is kept, a client that does not read is cut
// off without holding up the others, and a mutation does not wait for the fan-out.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestApp, type TestApp } from './helpers.ts';

const DOC = `subscription($id: ID!) { projectUpdated(projectId: $id) { kind project { name } } }`;
const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) {
  ... on MutationCreateProjectSuccess { data { id } } } }`;
const RENAME = `mutation($input: RenameProjectInput!) { renameProject(input: $input) { __typename } }`;

let app: TestApp;
const logLines: string[] = [];

beforeAll(async () => {
  const logDestination = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  app = await startTestApp({}, { logLevel: 'warn', logDestination });
});
afterAll(() => app.stop());

/** Polls `fn` every 10 ms until it is true; throws past `timeoutMs` (long: the machine is shared). */
async function until(fn: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!fn()) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const stats = () => app.app.subscriptions.stats();

async function project(token: string, name = 'Shared'): Promise<string> {
  return (await app.gql(CREATE, { input: { name } }, token)).data.createProject.data.id;
}

const rename = (token: string, id: string, name: string) => app.gql(RENAME, { input: { id, name } }, token);

/** A subscription's frames as they come (names, or the errors it ended with). */
function listen(client: Client, id: string, query = DOC) {
  const names: (string | null)[] = [];
  const state: { errors?: any; names: (string | null)[] } = { names };
  client.subscribe(
    { query, variables: { id } },
    {
      next: (v: any) => {
        if (v.errors) state.errors = v.errors;
        else names.push(v.data.projectUpdated.project?.name ?? null);
      },
      error: (e) => (state.errors = e),
      complete: () => {},
    },
  );
  return state;
}

describe('shared subscriptions', () => {
  it('puts identical subscriptions in one group, and each gets every event', async () => {
    const { token } = await app.signUp();
    const id = await project(token);
    const before = stats();
    const subs = [app.ws(token), app.ws(token), app.ws(token)].flatMap((c) => [listen(c, id), listen(c, id)]);
    await until(() => stats().subscribers === before.subscribers + 6);
    expect(stats().groups).toBe(before.groups + 1);
    const executed = stats().executions;
    await rename(token, id, 'One');
    await rename(token, id, 'Two');
    await until(() => subs.every((s) => s.names.length === 2));
    for (const s of subs) expect(s.names).toEqual(['One', 'Two']);
    // One execution per event for the group, not one per subscriber.
    expect(stats().executions - executed).toBe(2);
  });

  it('authorizes each subscriber: a stranger gets NOT_FOUND, owners of the same document get events', async () => {
    const owner = await app.signUp();
    const stranger = await app.signUp();
    const id = await project(owner.token);
    const mine = [listen(app.ws(owner.token), id), listen(app.ws(owner.token), id)];
    const theirs = listen(app.ws(stranger.token), id);
    const anonymous = listen(app.ws(), id);
    await until(() => theirs.errors && anonymous.errors);
    expect(theirs.errors[0]).toMatchObject({
      message: `Project ${id} was not found.`,
      extensions: { code: 'NOT_FOUND' },
    });
    expect(anonymous.errors[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    await new Promise((r) => setTimeout(r, 200));
    await rename(owner.token, id, 'Still mine');
    await until(() => mine.every((s) => s.names.length === 1));
    expect(mine.map((s) => s.names)).toEqual([['Still mine'], ['Still mine']]);
    expect(theirs.names).toEqual([]);
  });

  it('keeps each subscription in order: one frame per rename, names never going back', async () => {
    const { token } = await app.signUp();
    const id = await project(token);
    const subs = Array.from({ length: 4 }, () => app.ws(token)).flatMap((c) => [listen(c, id), listen(c, id)]);
    await new Promise((r) => setTimeout(r, 300));
    const names = Array.from({ length: 40 }, (_, i) => `n${String(i).padStart(2, '0')}`);
    for (const n of names) await rename(token, id, n);
    await until(() => subs.every((s) => s.names.length === names.length), 10_000);
    // Each event reads the project when it runs, after its own rename: a name at least as new as its own.
    for (const s of subs) {
      expect(s.names).toHaveLength(names.length);
      expect(s.names.every((n, i) => n! >= names[i]! && (i === 0 || n! >= s.names[i - 1]!))).toBe(true);
      expect(s.names.at(-1)).toBe('n39');
    }
  });

  it('cuts off a socket that does not read past 1 MiB unsent, and the others still get every event', async () => {
    const { token } = await app.signUp();
    const id = await project(token, 'x'.repeat(100));
    const before = stats().subscribers;
    const slow = await rawSubscriber(token, id, 100);
    const fast = listen(app.ws(token), id);
    await until(() => stats().subscribers === before + 101);
    // A paused client never reads, so it does not see its socket close either: the server says so.
    const cutOff = () => logLines.some((l) => l.includes('"ws.slow_client"'));
    slow.pause();
    let renames = 0;
    while (!cutOff() && renames < 2000)
      await rename(token, id, `${'y'.repeat(95)}${String(++renames).padStart(5, '0')}`);
    expect(cutOff()).toBe(true);
    await until(() => stats().subscribers === before + 1);
    slow.terminate();
    await rename(token, id, 'after');
    await until(() => fast.names.at(-1) === 'after');
    expect(fast.names).toHaveLength(renames + 1);
  });

  it('answers the mutation before the fan-out has run', async () => {
    const { token } = await app.signUp();
    const id = await project(token);
    const client = app.ws(token);
    const before = stats().subscribers;
    // 150 groups (distinct documents): an event costs 150 executions, each reading the database.
    const subs = Array.from({ length: 150 }, (_, i) =>
      listen(client, id, DOC.replace('kind project', `k${i}: kind project`)),
    );
    await until(() => stats().subscribers === before + 150);
    await new Promise((r) => setTimeout(r, 300));
    const executed = stats().executions;
    // How many executions had finished when the server had written the mutation's answer (the only request).
    let atAnswer = -1;
    const onRequest = (_req: IncomingMessage, res: ServerResponse) =>
      res.once('finish', () => (atAnswer = stats().executions - executed));
    app.app.server.on('request', onRequest);
    const r = await rename(token, id, 'Fast');
    app.app.server.off('request', onRequest);
    expect(r.data.renameProject.__typename).toBe('MutationRenameProjectSuccess');
    await until(() => subs.every((s) => s.names.length === 1));
    // Were the fan-out part of the mutation, all 150 would have run before it answered.
    expect(atAnswer).toBe(0);
    expect(stats().executions - executed).toBe(150);
  });

  it('writes a large fan-out a slice at a time: a request that comes meanwhile is answered in between', async () => {
    const { token } = await app.signUp();
    const id = await project(token);
    const before = stats().subscribers;
    const sockets = await Promise.all([0, 1, 2].map(() => rawSubscriber(token, id, 1000)));
    let frames = 0;
    for (const ws of sockets)
      ws.on('message', (m: Buffer) => {
        if (m.includes('"type":"next"')) frames++;
      });
    await until(() => stats().subscribers === before + 3000, 30_000);
    await rename(token, id, 'Many');
    // Once frames wait in the outbox the fan-out is under way; watched every turn, not every 10 ms.
    const end = Date.now() + 10_000;
    while (!stats().pendingFrames && Date.now() < end) await new Promise((r) => setImmediate(r));
    let pendingAtAnswer = -1;
    const onRequest = (_req: IncomingMessage, res: ServerResponse) =>
      res.once('finish', () => (pendingAtAnswer = stats().pendingFrames));
    app.app.server.on('request', onRequest);
    const health = await fetch(`${app.url}/healthz`);
    app.app.server.off('request', onRequest);
    expect(health.status).toBe(200);
    // Written in one go, every frame would have gone before the server could read the request.
    expect(pendingAtAnswer).toBeGreaterThan(0);
    await until(() => frames === 3000);
    for (const ws of sockets) ws.terminate();
    await until(() => stats().subscribers === before);
  });
});

/** A graphql-ws client by hand, with `count` identical subscriptions, that can stop reading (pause). */
async function rawSubscriber(token: string, id: string, count: number): Promise<WebSocket> {
  const ws = new WebSocket(app.url.replace(/^http/, 'ws') + '/graphql', 'graphql-transport-ws');
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  await new Promise((resolve) => ws.once('message', resolve));
  for (let i = 0; i < count; i++)
    ws.send(JSON.stringify({ id: String(i), type: 'subscribe', payload: { query: DOC, variables: { id } } }));
  return ws;
}

describe('shared subscriptions on two instances sharing Redis', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:6379' });
    b = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:6379' }, { shareWith: a, emulator: a.emulator });
  });
  afterAll(async () => {
    await b.stop();
    await a.stop();
  });

  it('delivers each event once on the instance that published it and once on the other', async () => {
    const { token } = await a.signUp();
    const id = (await a.gql(CREATE, { input: { name: 'Both' } }, token)).data.createProject.data.id;
    const onA = listen(a.ws(token), id);
    const onB = listen(b.ws(token), id);
    await new Promise((r) => setTimeout(r, 300));
    await a.gql(RENAME, { input: { id, name: 'From A' } }, token);
    await b.gql(RENAME, { input: { id, name: 'From B' } }, token);
    await until(() => onA.names.length >= 2 && onB.names.length >= 2);
    // Time for a duplicate (the publisher hearing its own event back from Redis) to arrive.
    await new Promise((r) => setTimeout(r, 300));
    expect(onA.names).toEqual(['From A', 'From B']);
    expect(onB.names).toEqual(['From A', 'From B']);
  });
});
