// bench:subscriptions child: opens subscriber connections (graphql-ws + ws) with the app client's own
// projectUpdated document and records, per event tag (the project's new name), when each frame arrived.
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { ProjectUpdatedDocument } from '../../client/src/gql/graphql.ts';
import { serve } from './subscriptions-ipc.ts';

export interface Sub {
  url: string;
  token: string;
  projectId: string;
}
interface Subscriber extends Sub {
  client: Client;
  warm: boolean;
  open: boolean;
  lastSeq: number;
}

const query = print(ProjectUpdatedDocument);
const OPENING_AT_ONCE = 100;
let subs: Subscriber[] = [];
let closing = false;
let connectedNow = 0;
const counts = { errors: 0, outOfOrder: 0, misdelivered: 0 };
const arrivals = new Map<string, number[]>();
const lastError: string[] = [];
const fail = (what: string) => {
  counts.errors++;
  if (lastError.length < 3) lastError.push(what);
};

function open(s: Sub): Promise<void> {
  return new Promise((connected) => {
    const client = createClient({
      url: s.url,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${s.token}` },
      retryAttempts: 0,
      lazy: false,
      on: {
        connected: () => {
          me.open = true;
          connectedNow++;
          connected();
        },
        closed: (e) => {
          if (me.open) connectedNow--;
          me.open = false;
          if (!closing) fail(`closed ${(e as { code?: number }).code}`);
          connected();
        },
        error: (e) => fail(`socket error ${String(e)}`),
      },
    });
    const me: Subscriber = { ...s, client, warm: false, open: false, lastSeq: -1 };
    subs.push(me);
    client.subscribe<{ projectUpdated: { project: { id: string; name: string } | null } }>(
      { query, variables: { projectId: s.projectId } },
      {
        next: (v) => {
          const at = Date.now();
          const p = v.data?.projectUpdated.project;
          if (!p) {
            fail(`event without project: ${JSON.stringify(v).slice(0, 200)}`);
            return;
          }
          if (p.id !== me.projectId) counts.misdelivered++;
          if (p.name.startsWith('warm')) me.warm = true;
          const seq = /^ev-(\d+)$/.exec(p.name)?.[1];
          if (seq === undefined) return;
          if (Number(seq) < me.lastSeq) counts.outOfOrder++;
          me.lastSeq = Number(seq);
          const list = arrivals.get(p.name) ?? [];
          list.push(at);
          arrivals.set(p.name, list);
        },
        error: (e) => fail(`subscription error ${JSON.stringify(e).slice(0, 200)}`),
        complete: () => {
          if (!closing) fail('subscription completed');
        },
      },
    );
  });
}

serve({
  open: async (list: Sub[]) => {
    closing = false;
    let next = 0;
    const worker = async () => {
      while (next < list.length) await open(list[next++]!);
    };
    await Promise.all(Array.from({ length: OPENING_AT_ONCE }, worker));
    return { opened: subs.length };
  },
  /** The projects of subscribers that have not yet seen a warm-up event (subscription not confirmed). */
  cold: () => [...new Set(subs.filter((s) => !s.warm).map((s) => s.projectId))],
  /** Arrival times of the event tagged `tag`, once every subscriber of `projectId` has it (or after timeoutMs). */
  await: async ({ tag, projectId, timeoutMs }: { tag: string; projectId: string; timeoutMs: number }) => {
    const expected = subs.filter((s) => s.projectId === projectId).length;
    const until = Date.now() + timeoutMs;
    while ((arrivals.get(tag)?.length ?? 0) < expected && Date.now() < until) {
      await new Promise((ok) => setTimeout(ok, 5));
    }
    return { expected, arrivals: arrivals.get(tag) ?? [] };
  },
  close: async () => {
    closing = true;
    for (const s of subs) void s.client.dispose();
    // The sockets close in the background; the next case's RSS baseline must not still hold them.
    const until = Date.now() + 10_000;
    while (connectedNow > 0 && Date.now() < until) await new Promise((ok) => setTimeout(ok, 20));
    subs = [];
    arrivals.clear();
    const result = { ...counts, sample: [...lastError] };
    Object.assign(counts, { errors: 0, outOfOrder: 0, misdelivered: 0 });
    lastError.length = 0;
    return result;
  },
});
process.on('disconnect', () => process.exit(0));
process.send!({ ready: true });
