// Subscriptions shared among identical subscribers (issue 14): each document is parsed and validated once;
// subscribers with the same document, operation, variables and viewer form a group, and each event runs
// once per group, its result serialized once and sent to every member behind the member's own frame prefix.
// Each subscriber still runs its own subscribe resolver (so authorization stays per subscriber) and reads
// its own source stream, in order; the pubsub hands every listener the same event object, by which the
// group finds the execution another member already started. Frames are written a slice of time at a
// time (the outbox), so that a fan-out to thousands of sockets never holds the event loop for long: a
// request that arrives meanwhile (the publishing mutation's own response among them) is served in between.
import { randomUUID } from 'node:crypto';
import {
  createSourceEventStream,
  type DocumentNode,
  execute,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLError,
  type GraphQLSchema,
  validate,
  parse,
} from 'graphql';
import type { Context } from './context.ts';

const MAX_DOCUMENTS = 500;
/** The longest the outbox writes frames before it lets the event loop serve others. */
const SLICE_MS = 4;

export interface PreparedDocument {
  /** The query text, the one string kept for every subscriber of it. */
  query: string;
  document: DocumentNode | null;
  errors: readonly GraphQLError[];
}

/** Where a member's frames go: its id on its socket. */
export interface Target {
  id: string;
  send: (frame: string) => void;
}

export interface SubscriptionStats {
  groups: number;
  subscribers: number;
  /** Event executions (once per event per group) finished since the start. */
  executions: number;
  /** Frames waiting in the outbox to be written. */
  pendingFrames: number;
}

interface Member {
  prefix: string;
  send(frame: string): void;
  source: AsyncIterator<unknown>;
  finish(error?: unknown): void;
}

interface Group {
  key: string;
  args: ExecutionArgs;
  members: Set<Member>;
  bodies: WeakMap<object, Promise<string>>;
}

export interface SharedSubscriptions {
  /** The parsed, validated document of this query text (cached; errors when it is not valid). */
  prepare(query: string): PreparedDocument;
  /** The cached copy of this query text, when there is one (for graphql-ws's parsed messages). */
  intern(query: string): string;
  /** Subscribes: the errors of the subscribe resolver, or an iterator that ends when the member leaves. */
  subscribe(args: ExecutionArgs, target: Target): Promise<ExecutionResult | AsyncGenerator<never>>;
  stats(): SubscriptionStats;
}

const viewerKey = (ctx: Context) =>
  ctx.viewer ? `u:${ctx.viewer.id}:${ctx.viewer.role}` : ctx.apiKey ? `k:${ctx.apiKey.id}` : 'anonymous';

export function sharedSubscriptions(
  schema: GraphQLSchema,
  format: (result: ExecutionResult, ctx: Context) => ExecutionResult,
): SharedSubscriptions {
  const documents = new Map<string, PreparedDocument>();
  const groups = new Map<string, Group>();
  let subscribers = 0;
  let executions = 0;

  const prepare = (query: string): PreparedDocument => {
    const cached = documents.get(query);
    if (cached) {
      // Most recently used last, so the oldest is the first dropped.
      documents.delete(query);
      documents.set(query, cached);
      return cached;
    }
    let prepared: PreparedDocument;
    try {
      const document = parse(query);
      prepared = { query, document, errors: validate(schema, document) };
    } catch (e) {
      prepared = { query, document: null, errors: [e as GraphQLError] };
    }
    documents.set(query, prepared);
    if (documents.size > MAX_DOCUMENTS) documents.delete(documents.keys().next().value!);
    return prepared;
  };

  const run = async (group: Group, event: unknown): Promise<string> => {
    const base = group.args.contextValue as Context;
    // A context per execution: what resolvers cache on it must not outlive the event.
    const ctx: Context = { ...base, requestId: randomUUID() };
    const result = await execute({ ...group.args, rootValue: event, contextValue: ctx });
    executions++;
    return JSON.stringify(result.errors ? format(result, ctx) : result);
  };

  const bodyOf = (group: Group, event: unknown): Promise<string> => {
    if (typeof event !== 'object' || event === null) return run(group, event);
    let body = group.bodies.get(event);
    if (!body) group.bodies.set(event, (body = run(group, event)));
    return body;
  };

  const outbox = frameOutbox();

  const leave = (group: Group, member: Member) => {
    if (!group.members.delete(member)) return;
    subscribers--;
    if (!group.members.size && groups.get(group.key) === group) groups.delete(group.key);
  };

  async function pump(group: Group, member: Member) {
    try {
      for (let next = await member.source.next(); !next.done; next = await member.source.next()) {
        const body = await bodyOf(group, next.value);
        if (!group.members.has(member)) return;
        outbox.push(group, member, body);
      }
      member.finish();
    } catch (e) {
      member.finish(e);
    }
  }

  return {
    prepare,
    intern: (query) => documents.get(query)?.query ?? query,
    async subscribe(args, target) {
      const source = await createSourceEventStream(args);
      if (!(Symbol.asyncIterator in source)) return source;
      const ctx = args.contextValue as Context;
      const key = JSON.stringify([
        args.document.loc?.source.body ?? '',
        args.operationName ?? null,
        args.variableValues ?? null,
        viewerKey(ctx),
      ]);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { key, args, members: new Set(), bodies: new WeakMap() }));
      const theGroup = group;
      let waiting: { resolve(r: IteratorResult<never>): void; reject(e: unknown): void } | null = null;
      let ended: { error?: Error } | null = null;
      const member: Member = {
        prefix: `{"id":${JSON.stringify(target.id)},"type":"next","payload":`,
        send: target.send,
        source: source[Symbol.asyncIterator](),
        finish(error) {
          leave(theGroup, member);
          ended ??=
            error === undefined
              ? {}
              : { error: error instanceof Error ? error : new Error('subscription failed', { cause: error }) };
          const w = waiting;
          waiting = null;
          if (!w) return;
          if (ended.error === undefined) w.resolve({ value: undefined as never, done: true });
          else w.reject(ended.error);
        },
      };
      group.members.add(member);
      subscribers++;
      void pump(group, member);
      // What graphql-ws iterates: nothing is yielded (the members' frames are sent by pump); it ends
      // when the member leaves, and graphql-ws ends it (return) when the client completes or goes away.
      const handle: AsyncGenerator<never> = {
        next: () =>
          ended
            ? ended.error === undefined
              ? Promise.resolve({ value: undefined as never, done: true })
              : Promise.reject(ended.error)
            : new Promise((resolve, reject) => (waiting = { resolve, reject })),
        async return() {
          leave(theGroup, member);
          await member.source.return?.();
          member.finish();
          return { value: undefined as never, done: true };
        },
        async throw(e: unknown) {
          await handle.return(undefined);
          throw e;
        },
        [Symbol.asyncIterator]: () => handle,
      };
      return handle;
    },
    stats: () => ({ groups: groups.size, subscribers, executions, pendingFrames: outbox.pending() }),
  };
}

/**
 * One queue for every member's frames, written in the order they came (so each member's stay in order),
 * SLICE_MS at a time, then the rest after the event loop's next turn. A member that left meanwhile is
 * skipped. The body is kept once per event, the frame built only as it is written.
 */
function frameOutbox() {
  const write = (member: Member, body: string) => {
    try {
      member.send(member.prefix + body + '}');
    } catch (e) {
      member.finish(e); // that member's subscription ends with the error; the others' frames still go
    }
  };
  let queue: { group: Group; member: Member; body: string }[] = [];
  let head = 0;
  let scheduled = false;
  const drain = () => {
    const until = performance.now() + SLICE_MS;
    while (head < queue.length) {
      const { group, member, body } = queue[head]!;
      queue[head++] = undefined!;
      if (group.members.has(member)) write(member, body);
      if ((head & 31) === 0 && performance.now() >= until) break;
    }
    if (head < queue.length) return void setImmediate(drain);
    queue = [];
    head = 0;
    scheduled = false;
  };
  return {
    pending: () => queue.length - head,
    push(group: Group, member: Member, body: string) {
      queue.push({ group, member, body });
      if (scheduled) return;
      scheduled = true;
      setImmediate(drain);
    },
  };
}
