// bench:subscriptions: one case. Open the subscribers (spread over the client children), confirm every
// subscription with warm-up events, take the apps' RSS after GC, then send events one at a time with the
// app's own renameProject mutation over HTTP and time each frame's arrival from the moment it was sent.
import { print } from 'graphql';
import { RenameProjectDocument } from '../../client/src/gql/graphql.ts';
import type { Child } from './subscriptions-ipc.ts';
import type { Account, App, Probe } from './subscriptions-setup.ts';
import type { Sub } from './subscriptions-client.ts';

export interface CaseResult {
  connections: number;
  kbPerConnection: number;
  heapKbPerConnection: number;
  fanOut: number[];
  mutation: number[];
  cpuPerEventMs: number;
  lost: number;
  outOfOrder: number;
  errors: number;
  misdelivered: number;
  sample: string[];
}

const EVENTS = Number(process.env.BENCH_EVENTS ?? 20);
const WARMUP_ROUNDS = 30;
const EVENT_TIMEOUT_MS = 30_000;
const GAP_MS = 100;
const renameQuery = print(RenameProjectDocument);
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

async function rename(app: App, account: Account, name: string): Promise<void> {
  const res = await fetch(`${app.hello.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${account.token}` },
    body: JSON.stringify({ query: renameQuery, variables: { input: { id: account.projectId, name } } }),
  });
  const body = (await res.json()) as { data?: { renameProject?: { data?: { name?: string } } } };
  if (body.data?.renameProject?.data?.name !== name) throw new Error(`renameProject: ${JSON.stringify(body)}`);
}

const probeAll = (apps: App[]) => Promise.all(apps.map((a) => a.ask<Probe>('probe')));

/**
 * `subscribers[i]` subscribes on apps[i % apps.length] to its account's project; the events go, through
 * apps[0], to `targets` in turn.
 */
export async function runCase(
  apps: App[],
  clients: Child<unknown>[],
  subscribers: Account[],
  targets: Account[],
): Promise<CaseResult> {
  const byProject = new Map(subscribers.map((a) => [a.projectId, a]));
  const before = await probeAll(apps);
  const lists: Sub[][] = clients.map(() => []);
  subscribers.forEach((a, i) =>
    lists[i % clients.length]!.push({
      url: `${apps[i % apps.length]!.hello.url.replace('http', 'ws')}/graphql`,
      token: a.token,
      projectId: a.projectId,
    }),
  );
  await Promise.all(clients.map((c, i) => c.ask('open', lists[i])));

  for (let round = 0; ; round++) {
    const cold = [...new Set((await Promise.all(clients.map((c) => c.ask<string[]>('cold')))).flat())];
    if (!cold.length) break;
    if (round === WARMUP_ROUNDS) throw new Error(`${cold.length} projects' subscribers never got a warm-up event`);
    let next = 0;
    const worker = async () => {
      while (next < cold.length) await rename(apps[0]!, byProject.get(cold[next++]!)!, `warm-${round}`);
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    await sleep(round ? 1000 : 300);
  }
  const idle = await probeAll(apps);

  const fanOut: number[] = [];
  const mutation: number[] = [];
  let lost = 0;
  for (let i = 0; i < EVENTS; i++) {
    const target = targets[i % targets.length]!;
    const tag = `ev-${i}`;
    const sent = Date.now();
    await rename(apps[0]!, target, tag);
    mutation.push(Date.now() - sent);
    const got = await Promise.all(
      clients.map((c) =>
        c.ask<{ expected: number; arrivals: number[] }>('await', {
          tag,
          projectId: target.projectId,
          timeoutMs: EVENT_TIMEOUT_MS,
        }),
      ),
    );
    for (const g of got) {
      lost += Math.max(0, g.expected - g.arrivals.length);
      for (const at of g.arrivals) fanOut.push(at - sent);
    }
    await sleep(GAP_MS);
  }
  const after = await probeAll(apps);
  const closed = await Promise.all(
    clients.map((c) => c.ask<{ errors: number; outOfOrder: number; misdelivered: number; sample: string[] }>('close')),
  );
  const sum = (f: (i: number) => number) => apps.reduce((s, _, i) => s + f(i), 0);
  const kbPerConnection = (k: 'rss' | 'heap') => sum((i) => idle[i]![k] - before[i]![k]) / 1024 / subscribers.length;
  return {
    connections: subscribers.length,
    kbPerConnection: kbPerConnection('rss'),
    heapKbPerConnection: kbPerConnection('heap'),
    fanOut,
    mutation,
    cpuPerEventMs: sum((i) => after[i]!.cpuMs - idle[i]!.cpuEndMs) / EVENTS,
    lost,
    outOfOrder: closed.reduce((s, c) => s + c.outOfOrder, 0),
    errors: closed.reduce((s, c) => s + c.errors, 0),
    misdelivered: closed.reduce((s, c) => s + c.misdelivered, 0),
    sample: closed.flatMap((c) => c.sample).slice(0, 3),
  };
}
