// Schema-driven fuzz of the whole API (issue 10): the test introspects the running server and derives
// its targets from the schema — every mutation, every query and subscription field with arguments, and
// every field with arguments reachable from a query root (connections of User, Project…) — and the
// leaves to attack from the argument types. A field, argument or input field added tomorrow is probed
// by the next run without editing this file; only a new *kind* of scalar would want new hostile values
// (until then it gets the String ones).
//
// Each probe replaces ONE leaf of a valid-looking baseline (fixture ids where the type is an ID) with a
// hostile value, sent as variables over HTTP (subscriptions over graphql-ws), as the fixtures' owner,
// another user or anonymous. Every probe must give: no 5xx, no INTERNAL_SERVER_ERROR, no internal
// detail in any message; when its answer is an error (a top-level error or an Error member of a result
// union), no change in any application table (whichever the migrations created) nor a fal submission —
// a successful probe is a legitimate change (a long name is a valid rename); a String with a control
// character or a lone surrogate is never accepted; and no one but the owner gets the owner's rows.
import fc from 'fast-check';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  type GraphQLSchema,
  type IntrospectionQuery,
  isEnumType,
  isInterfaceType,
  isListType,
  isNonNullType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256, SESSION_PREFIX, newSecret } from '../src/auth/crypto.ts';
import { dbId, startTestApp, untilStatus, type TestApp } from './helpers.ts';
import { type Hostile, Huge, hostileValues } from './fuzz/hostile.ts';
import {
  baseline,
  baselineVariables,
  type Fixtures,
  findTargets,
  type Leaf,
  leavesOf,
  nodeTypes,
  type Target,
  variablesWith,
} from './fuzz/schema-probes.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const RANDOM_RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const READ_BATCH = 6;
// A subscription that neither errs nor completes within this is taken as accepted (a refusal comes at once,
// but a loaded machine can take a second to run the failing query behind it).
const SUBSCRIPTION_SILENCE_MS = 2000;

let app: TestApp;
let bodyLimitBytes: number;
let schema: GraphQLSchema;
let nodeNames: string[];
let errorTypes: Set<string>;
const fx: Fixtures = {
  live: new Map(),
  deleted: new Map(),
  tagSlug: '',
  unique: (() => {
    let n = 0;
    return () => ++n;
  })(),
};
const foreign = new Map<string, string[]>();
let targets: Target[];
/** One real cursor of each connection (by target name). */
const realCursors = new Map<string, string[]>();

interface Identity {
  name: string;
  userId?: string;
  token?: string;
}
let owner: Identity;
let other: Identity;
const anonymous: Identity = { name: 'anonymous' };

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
const addLive = (type: string, id: string, label?: string) =>
  fx.live.set(type, [...(fx.live.get(type) ?? []), { id, label }]);
const addDeleted = (type: string, id: string) => fx.deleted.set(type, [...(fx.deleted.get(type) ?? []), id]);

async function ok<T = any>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const r = await app.gql(query, variables, token);
  if (r.errors) throw new Error(`fixture: ${JSON.stringify(r.errors)}`);
  const result = Object.values(r.data)[0];
  if (result?.data === undefined) throw new Error(`fixture: ${JSON.stringify(r.data)}`);
  return result.data;
}

beforeAll(async () => {
  app = await startTestApp({
    GENERATION_MAX_IN_FLIGHT: '100000',
    GENERATION_MAX_PER_DAY: '100000',
    // No background writes while probing: nothing is old enough to reconcile, the cleanup cron is far away.
    RECONCILE_AFTER_SECONDS: '86400',
    CLEANUP_CRON: '0 0 1 1 *',
  });
  app.emulator.configure({ latencyMs: 50, videoHeight: 64, videoFps: 4 });
  const [, amount, unit] = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(app.config.limits.bodyLimit)!;
  bodyLimitBytes = Math.floor(Number(amount) * 1024 ** ['b', 'kb', 'mb', 'gb'].indexOf((unit ?? 'b').toLowerCase()));
  const introspection = await app.gql<IntrospectionQuery>(getIntrospectionQuery());
  schema = buildClientSchema(introspection.data);
  nodeNames = nodeTypes(schema);
  const errorInterface = schema.getType('Error');
  errorTypes = new Set(
    errorInterface && isInterfaceType(errorInterface) ? schema.getPossibleTypes(errorInterface).map((t) => t.name) : [],
  );

  // The owner is an admin too, so that admin-only fields get past authorization with their own fixtures.
  const alice = await app.admin();
  owner = { name: 'owner', userId: alice.userId, token: alice.token };
  const bob = await app.signUp('Bob');
  other = { name: 'other user', userId: bob.userId, token: bob.token };
  const t = owner.token;

  const CREATE_PROJECT = `mutation($i: CreateProjectInput!) { createProject(input: $i) {
    ... on MutationCreateProjectSuccess { data { id } } ... on Error { message } } }`;
  const GENERATE = `mutation($i: GenerateImageInput!) { generateImage(input: $i) {
    ... on MutationGenerateImageSuccess { data { id } } ... on Error { message } } }`;
  const CREATE_AVATAR = `mutation($i: CreateAvatarInput!) { createAvatar(input: $i) {
    ... on MutationCreateAvatarSuccess { data { id } } ... on Error { message } } }`;
  const CREATE_BROLL = `mutation($i: CreateBRollInput!) { createBRoll(input: $i) {
    ... on MutationCreateBRollSuccess { data { id } } ... on Error { message } } }`;
  const project = (await ok(CREATE_PROJECT, { i: { name: 'Fuzz studio' } }, t)).id;
  addLive('Project', project);
  const forAvatar = (await ok(GENERATE, { i: { projectId: project, prompt: 'A nurse, portrait' } }, t)).id;
  const image = (await ok(GENERATE, { i: { projectId: project, prompt: 'A doctor, portrait' } }, t)).id;
  await untilStatus(app, t!, forAvatar);
  await untilStatus(app, t!, image);
  addLive('Image', image);
  const avatar = (await ok(CREATE_AVATAR, { i: { projectId: project, imageId: forAvatar, name: 'Fuzz avatar' } }, t))
    .id;
  const bRoll = (
    await ok(CREATE_BROLL, { i: { projectId: project, name: 'Fuzz b-roll', prompt: 'A city at night' } }, t)
  ).id;
  await untilStatus(app, t!, avatar);
  await untilStatus(app, t!, bRoll);
  addLive('Avatar', avatar);
  addLive('BRoll', bRoll);
  addLive('User', gid('User', owner.userId!));

  const category = (
    await ok(
      `mutation { createTagCategory(input: { name: "Fuzz", slug: "fuzz" }) {
        ... on MutationCreateTagCategorySuccess { data { id } } ... on Error { message } } }`,
      {},
      t,
    )
  ).id;
  const tag = await ok(
    `mutation($c: ID!) { createTag(input: { categoryId: $c, name: "Fuzzy", slug: "fuzzy" }) {
      ... on MutationCreateTagSuccess { data { id slug } } ... on Error { message } } }`,
    { c: category },
    t,
  );
  addLive('TagCategory', category);
  addLive('Tag', tag.id);
  fx.tagSlug = tag.slug;
  const publicAvatar = await app.prisma.avatar.create({
    data: {
      name: 'Public fuzz',
      visibility: 'PUBLIC',
      status: 'SUCCEEDED',
      tags: { create: [{ tagId: dbId(tag.id) }] },
    },
  });
  addLive('Avatar', gid('Avatar', publicAvatar.id), 'public');
  const apiKey = (
    await ok(
      `mutation { createApiKey(input: { name: "Fuzz partner" }) {
        ... on MutationCreateApiKeySuccess { data { apiKey { id } } } ... on Error { message } } }`,
      {},
      t,
    )
  ).apiKey.id;
  addLive('ApiKey', apiKey);

  foreign.set('Project', [(await ok(CREATE_PROJECT, { i: { name: 'Bob project' } }, bob.token)).id]);
  foreign.set('User', [gid('User', bob.userId)]);

  // Deleted rows of every node type, deleted the way the product deletes them where it can.
  const doomed = (await ok(CREATE_PROJECT, { i: { name: 'Doomed' } }, t)).id;
  const doomedImage = (await ok(GENERATE, { i: { projectId: doomed, prompt: 'Soon gone' } }, t)).id;
  const doomedBRoll = (await ok(CREATE_BROLL, { i: { projectId: doomed, name: 'Gone', prompt: 'Soon gone' } }, t)).id;
  const doomedAvatar = await app.prisma.avatar.create({
    data: { name: 'Gone', visibility: 'PRIVATE', status: 'FAILED', userId: owner.userId, projectId: dbId(doomed) },
  });
  await ok(
    `mutation($id: ID!) { deleteAvatar(input: { id: $id }) { ... on MutationDeleteAvatarSuccess { data }
      ... on Error { message } } }`,
    { id: gid('Avatar', doomedAvatar.id) },
    t,
  );
  await ok(
    `mutation($id: ID!) { deleteBRoll(input: { id: $id }) { ... on MutationDeleteBRollSuccess { data }
      ... on Error { message } } }`,
    { id: doomedBRoll },
    t,
  );
  await ok(
    `mutation($id: ID!) { deleteProject(input: { id: $id }) { ... on MutationDeleteProjectSuccess { data }
      ... on Error { message } } }`,
    { id: doomed },
    t,
  );
  const doomedCategory = (
    await ok(
      `mutation { createTagCategory(input: { name: "Gone", slug: "gone" }) {
        ... on MutationCreateTagCategorySuccess { data { id } } ... on Error { message } } }`,
      {},
      t,
    )
  ).id;
  const doomedTag = (
    await ok(
      `mutation($c: ID!) { createTag(input: { categoryId: $c, name: "Gone tag", slug: "gone-tag" }) {
        ... on MutationCreateTagSuccess { data { id } } ... on Error { message } } }`,
      { c: category },
      t,
    )
  ).id;
  await ok(
    `mutation($id: ID!) { deleteTag(input: { id: $id }) { ... on MutationDeleteTagSuccess { data }
      ... on Error { message } } }`,
    { id: doomedTag },
    t,
  );
  await ok(
    `mutation($id: ID!) { deleteTagCategory(input: { id: $id }) { ... on MutationDeleteTagCategorySuccess { data }
      ... on Error { message } } }`,
    { id: doomedCategory },
    t,
  );
  const doomedKey = (
    await ok(
      `mutation { createApiKey(input: { name: "Gone" }) { ... on MutationCreateApiKeySuccess { data { apiKey { id } } }
        ... on Error { message } } }`,
      {},
      t,
    )
  ).apiKey.id;
  await app.prisma.apiKey.delete({ where: { id: dbId(doomedKey) } });
  const doomedUser = await app.signUp('Gone');
  await app.prisma.user.delete({ where: { id: doomedUser.userId } });
  for (const [type, id] of [
    ['Project', doomed],
    ['Image', doomedImage],
    ['BRoll', doomedBRoll],
    ['Avatar', gid('Avatar', doomedAvatar.id)],
    ['Tag', doomedTag],
    ['TagCategory', doomedCategory],
    ['ApiKey', doomedKey],
    ['User', gid('User', doomedUser.userId)],
  ] as const)
    addDeleted(type, id);

  // Real cursors of every connection, to be sent to the other ones.
  targets = findTargets(schema);
  for (const target of targets.filter((t) => t.connection)) {
    const r = await app.gql(target.cursorDocument, baselineVariables(target, fx, nodeNames), owner.token);
    const cursors = new Set<string>();
    const walk = (v: unknown, key?: string) => {
      if (typeof v === 'string' && (key === 'startCursor' || key === 'endCursor')) cursors.add(v);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    };
    walk(r.data);
    if (cursors.size) realCursors.set(target.name, [...cursors].slice(0, 1));
  }

  // From here on fal never answers: a probe that starts a generation leaves it PENDING, so nothing
  // changes the tables behind the probes' backs.
  app.emulator.configure({ latencyMs: 3_600_000 });
}, 180_000);
afterAll(() => app.stop());

// What the progress poller writes on its own (when it last asked fal, and fal's answer) is not a probe's doing.
const rowOf = (table: string) =>
  table === 'GenerationProgress' ? `(x.kind, x."targetId", x."falRequestId", x."cancelRequestedAt")` : 'x';

/**
 * A digest of every application table (whatever tables the migrations created) and of the requests to fal
 * (the progress poller's status reads aside).
 */
async function fingerprint(): Promise<Record<string, string>> {
  const t0 = Date.now();
  const tables = (
    await app.sql<{ t: string }>(
      `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
        AND table_name <> '_prisma_migrations' ORDER BY 1`,
    )
  ).map((r) => r.t);
  const rows = await app.sql<{ t: string; d: string }>(
    tables
      .map(
        (t) =>
          `SELECT '${t}' AS t, count(*) || ':' || coalesce(md5(string_agg(${rowOf(t)}::text, '|' ORDER BY x::text)), '')
             AS d FROM "${t}" x`,
      )
      .join(' UNION ALL '),
  );
  const out: Record<string, string> = Object.fromEntries(rows.map((r) => [r.t, r.d]));
  out['fal submissions'] = String(app.emulator.requests.filter((r) => !r.path.endsWith('/status')).length);
  fingerprintMs += Date.now() - t0;
  return out;
}

const UNMASKED: [string, RegExp][] = [
  ['prisma', /prisma/i],
  ['source path', /\/server\/src|node_modules|\.[cm]?[jt]s:\d+|file:\/\//],
  ['stack', /\n\s+at |\bat [\w.<>]+ \(/],
  [
    'sql',
    new RegExp(
      [
        /invalid input syntax|invalid byte sequence|syntax error at|violates .* constraint|SQLSTATE|PostgreSQL/.source,
        /\bpg_|relation ".*" does not exist|\bSELECT\b.*\bFROM\b/.source,
      ].join('|'),
      'i',
    ),
  ],
  ['postgres code', /\b(?:08|22|23|25|40|42|53|54|55|57|58|XX)[0-9A-Z]{3}\b/],
];

interface Outcome {
  status: number;
  body: any;
  transport?: string;
  variables?: Record<string, unknown>;
}

interface Finding {
  kind: string;
  target: string;
  identity: string;
  leaf: string;
  value: string;
  detail: string;
}

function encodeBody(query: string, variables: Record<string, unknown>): string {
  const plain = JSON.stringify({ query, variables }, (_k, v) => (v instanceof Huge ? '' : v));
  const huge = (function find(v: unknown): Huge | undefined {
    if (v instanceof Huge) return v;
    if (v && typeof v === 'object')
      for (const x of Object.values(v)) {
        const h = find(x);
        if (h) return h;
      }
    return undefined;
  })(variables);
  if (!huge) return plain;
  // Just within the limit: the body is the whole limit minus a little slack.
  const room = bodyLimitBytes - Buffer.byteLength(plain) - 64;
  const text = huge.unit.repeat(Math.max(0, Math.floor(room / huge.bytes)));
  return JSON.stringify({ query, variables }, (_k, v) => (v instanceof Huge ? text : v));
}

async function sendHttp(query: string, variables: Record<string, unknown>, token?: string): Promise<Outcome> {
  try {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: encodeBody(query, variables),
    });
    const text = await res.text();
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = { raw: text };
    }
    return { status: res.status, body };
  } catch (e) {
    return { status: 0, body: null, transport: (e as Error).message };
  }
}

/** First event of a subscription (or silence after a while, which a valid subscription gives). */
async function sendWs(query: string, variables: Record<string, unknown>, token?: string): Promise<Outcome> {
  const client = app.ws(token);
  const body = JSON.parse(encodeBody(query, variables));
  try {
    return await new Promise<Outcome>((resolve) => {
      const timer = setTimeout(() => resolve({ status: 200, body: { silent: true } }), SUBSCRIPTION_SILENCE_MS);
      const done = (o: Outcome) => {
        clearTimeout(timer);
        resolve(o);
      };
      client.subscribe(body, {
        next: (v) => done({ status: 200, body: v }),
        error: (e) => {
          if (Array.isArray(e)) done({ status: 200, body: { errors: e } });
          else if (e && typeof e === 'object' && 'code' in e) {
            const close = e as { code: number; reason: string };
            done({
              status: close.code === 4500 || close.code === 1011 ? 500 : 200,
              body: { errors: [{ message: close.reason, extensions: { code: `close ${close.code}` } }] },
            });
          } else done({ status: 0, body: null, transport: String((e as Error | undefined)?.message ?? e) });
        },
        complete: () => done({ status: 200, body: { completed: true } }),
      });
    });
  } finally {
    await client.dispose();
  }
}

function messagesIn(body: any): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key?: string) => {
    if (typeof v === 'string' && (key === 'message' || key === 'raw' || key === 'stacktrace')) out.push(v);
    else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(body);
  return out;
}

function isErrorAnswer(body: any): boolean {
  if (!body || body.silent) return false;
  if (Array.isArray(body.errors) && body.errors.length) return true;
  let found = false;
  const walk = (v: unknown) => {
    if (found || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      v.forEach(walk);
      return;
    }
    if (typeof (v as any).__typename === 'string' && errorTypes.has((v as any).__typename)) found = true;
    Object.values(v).forEach(walk);
  };
  walk(body.data);
  return found;
}

const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function hasForbiddenChars(value: unknown): boolean {
  if (typeof value === 'string') return FORBIDDEN.test(value);
  if (value instanceof Huge) return FORBIDDEN.test(value.unit);
  if (Array.isArray(value)) return value.some(hasForbiddenChars);
  return false;
}

/** Whether the answer shows the fuzzed field was resolved (a silent subscription was set up). */
function reached(body: any, fieldPath: string[]): boolean {
  if (body?.silent) return true;
  let v = body?.data;
  for (const key of fieldPath) {
    if (!v || typeof v !== 'object' || !(key in v)) return false;
    v = v[key];
  }
  return true;
}

function resolvedNonNull(body: any, fieldPath: string[]): boolean {
  if (body?.silent) return true;
  let v = body?.data;
  for (const key of fieldPath) v = v?.[key];
  return v !== null && v !== undefined && !(Array.isArray(v) && v.every((x) => x === null));
}

const short = (s: string, n = 220) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);

function describeLeaf(leaf: Leaf): string {
  return [leaf.arg.name, ...leaf.path.map((p) => (typeof p === 'number' ? '[]' : p))].join('.');
}

let probes = 0;
let lastFingerprint: Record<string, string> | null = null;
let fingerprintMs = 0;
const findings: Finding[] = [];
const probed = new Set<string>();
const accepted = new Map<string, number>();
/** Huge-string probes refused for their size: they would test the body limit, not the field. */
const oversized: string[] = [];

interface Probe {
  leaf: Leaf;
  hostile: Hostile;
  who: Identity;
}

async function send({ leaf, hostile, who }: Probe): Promise<Outcome> {
  const variables = variablesWith(leaf, hostile.value, fx, nodeNames);
  const { operation, document } = leaf.target;
  const outcome =
    operation === 'subscription'
      ? await sendWs(document, variables, who.token)
      : await sendHttp(document, variables, who.token);
  return { ...outcome, variables };
}

/** The owner's rows that nobody else may read or change (the catalog's tags and public avatar are public). */
function privateIdsIn(value: unknown): string[] {
  const privateIds = new Set(
    [...fx.live]
      .filter(([type]) => !type.startsWith('Tag'))
      .flatMap(([, ids]) => ids.filter((i) => i.label !== 'public').map((i) => i.id)),
  );
  const found: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string' && privateIds.has(v)) found.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(value);
  return found;
}

const changedKeys = (before: Record<string, string>, after: Record<string, string>) =>
  Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);

/** Records the findings of one answer; true when the probe was not refused (a legitimate change, if any). */
function check({ leaf, hostile, who }: Probe, outcome: Outcome, changed: string[]): boolean {
  const target = leaf.target;
  probes++;
  probed.add(target.name);
  const note = (kind: string, detail: string) =>
    findings.push({
      kind,
      target: target.name,
      identity: who.name,
      leaf: describeLeaf(leaf),
      value: hostile.label,
      detail: short(detail),
    });

  if (hostile.value instanceof Huge && outcome.status === 413) oversized.push(`${target.name} ${describeLeaf(leaf)}`);
  if (outcome.transport) note('transport failure', outcome.transport);
  if (outcome.status >= 500) note('5xx', `HTTP ${outcome.status} ${JSON.stringify(outcome.body)}`);
  const errors: any[] = Array.isArray(outcome.body?.errors) ? outcome.body.errors : [];
  for (const e of errors)
    if (e?.extensions?.code === 'INTERNAL_SERVER_ERROR')
      note('INTERNAL_SERVER_ERROR', `${e.message} at ${JSON.stringify(e.path ?? [])}`);
  for (const m of messagesIn(outcome.body)) {
    const leaks = UNMASKED.filter(([, re]) => re.test(m)).map(([what]) => what);
    if (leaks.length) note(`unmasked (${leaks.join(', ')})`, m);
  }
  for (const e of errors)
    if (e?.extensions?.stacktrace || e?.extensions?.exception)
      note('unmasked (stacktrace extension)', JSON.stringify(e.extensions).slice(0, 200));

  const refused = isErrorAnswer(outcome.body) || outcome.status >= 400 || !!outcome.transport;
  // The boundary's contract (issue 10): a String with NUL, another C0 control but tab/LF/CR, or a lone
  // surrogate is refused — wherever the field is resolved. (IDs may instead behave as a missing row.)
  if (
    !refused &&
    getNamedType(leaf.type).name === 'String' &&
    hasForbiddenChars(hostile.value) &&
    reached(outcome.body, target.fieldPath)
  ) {
    note('accepted control character or lone surrogate', JSON.stringify(outcome.body).slice(0, 200));
  }
  if (process.env.FUZZ_TRACE && target.name.includes(process.env.FUZZ_TRACE))
    console.log(
      `trace ${target.name} ${describeLeaf(leaf)} = ${hostile.label} (${who.name}): ` +
        short(JSON.stringify(outcome.body), 400),
    );
  // The baseline names the owner's rows: anyone else must get null, NotFound or a refusal, never the row.
  if (
    !refused &&
    who !== owner &&
    reached(outcome.body, target.fieldPath) &&
    resolvedNonNull(outcome.body, target.fieldPath)
  ) {
    const foreignIds = privateIdsIn(outcome.variables);
    if (foreignIds.length)
      note(
        "another user's row read or changed",
        `ids ${foreignIds.map((i) => Buffer.from(i, 'base64').toString().split(':')[0]).join(', ')}; ` +
          `answer ${JSON.stringify(outcome.body).slice(0, 200)}`,
      );
  }
  if (!refused) accepted.set(target.name, (accepted.get(target.name) ?? 0) + 1);
  if (refused && changed.length)
    note('wrote although refused', `changed: ${changed.join(', ')}; answer ${JSON.stringify(outcome.body)}`);
  return !refused;
}

async function probeAlone(p: Probe): Promise<void> {
  const before = lastFingerprint ?? (await fingerprint());
  const outcome = await send(p);
  const after = await fingerprint();
  lastFingerprint = after;
  if (check(p, outcome, changedKeys(before, after)) && p.leaf.target.operation === 'mutation') {
    await afterSuccess(p.who);
    lastFingerprint = null;
  }
}

/**
 * Mutations one at a time between two fingerprints; queries and subscriptions, which write nothing
 * even when they succeed, a few at once between two fingerprints — and one at a time again if
 * something changed, to say which one wrote.
 */
async function runProbes(list: Probe[]): Promise<void> {
  for (let i = 0; i < list.length;) {
    if (list[i]!.leaf.target.operation === 'mutation') {
      await probeAlone(list[i++]!);
      continue;
    }
    const chunk: Probe[] = [];
    while (chunk.length < READ_BATCH && i < list.length && list[i]!.leaf.target.operation !== 'mutation')
      chunk.push(list[i++]!);
    const before = lastFingerprint ?? (await fingerprint());
    const outcomes = await Promise.all(chunk.map(send));
    const after = await fingerprint();
    lastFingerprint = after;
    const changed = changedKeys(before, after);
    if (changed.length && chunk.length > 1) for (const p of chunk) await probeAlone(p);
    else chunk.forEach((p, k) => check(p, outcomes[k]!, changed));
  }
}

/** A successful mutation may legitimately have ended the session (signOut) or touched fixtures: restore or say so. */
async function afterSuccess(who: Identity): Promise<void> {
  if (who.token) {
    // A probe may have ended the session: the token is then refused and there is no data at all.
    const me = await app.gql<{ me: { id: string } | null } | undefined>(`{ me { id } }`, {}, who.token);
    if (!me.data?.me) {
      const token = newSecret(SESSION_PREFIX);
      await app.prisma.session.create({
        data: { tokenHash: sha256(token), userId: who.userId!, expiresAt: new Date(Date.now() + 86_400_000) },
      });
      who.token = token;
    }
  }
  for (const [type, ids] of fx.live) {
    for (const { id } of ids) {
      const rows = await app.sql(`SELECT 1 FROM "${type}" WHERE id = $1`, [dbId(id)]).catch(() => [1]);
      if (!rows.length)
        throw new Error(
          `fixture ${type} ${id} vanished: a probe deleted a row it does not own ` +
            'or a baseline chose a live id of its own type',
        );
    }
  }
}

function hostilesFor(leaf: Leaf): Hostile[] {
  const inner = isNonNullType(leaf.type) ? leaf.type.ofType : leaf.type;
  return hostileValues(leaf, {
    foreignCursors: [...realCursors]
      .filter(([name]) => name !== leaf.target.name)
      .flatMap(([name, cursors]) => cursors.map((value) => ({ label: `cursor of ${name}`, value, core: true }))),
    nodeNames,
    live: fx.live,
    deleted: fx.deleted,
    foreign,
    baselineItem: () =>
      isListType(inner)
        ? baseline(inner.ofType, leaf.fieldName, `${leaf.arg.context} ${leaf.fieldName}`, fx, nodeNames)
        : null,
    enumValues: isEnumType(inner) ? inner.getValues().map((v) => v.value as string) : [],
  });
}

describe('schema-driven fuzz', () => {
  it(
    'no 5xx, no INTERNAL_SERVER_ERROR, no internal detail, nothing written by a refused probe',
    { timeout: 600_000 },
    async () => {
      const started = Date.now();
      const leaves = targets.flatMap((t) => leavesOf(t, nodeNames));
      expect(targets.length).toBeGreaterThan(0);

      // Deterministically: every leaf of every target with every core value of its kind, signed in (as
      // the owner of the fixtures); anonymous with every other one, and a benign value also as another
      // user, to whom the owner's rows in the baseline must stay invisible (random draws mix identities further).
      const planned: Probe[] = [];
      for (const leaf of leaves) {
        const core = hostilesFor(leaf).filter((h) => h.core);
        for (const [i, hostile] of core.entries()) {
          const who = hostile.benign ? [owner, other, anonymous] : i % 2 === 0 ? [owner, anonymous] : [owner];
          for (const w of who) planned.push({ leaf, hostile, who: w });
        }
      }
      await runProbes(planned);
      const deterministic = probes;

      // Then fast-check draws (leaf, any hostile value of its kind, identity) with a fixed seed.
      const draws = fc.sample(
        fc.record({ leaf: fc.constantFrom(...leaves), pick: fc.nat(), who: fc.constantFrom(owner, other, anonymous) }),
        { seed: SEED, numRuns: RANDOM_RUNS },
      );
      await runProbes(
        draws.map(({ leaf, pick, who }) => {
          const pool = hostilesFor(leaf);
          return { leaf, hostile: pool[pick % pool.length]!, who };
        }),
      );

      const byKind = new Map<string, number>();
      for (const f of findings) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
      // One line per (kind, target, leaf): the values and identities that produced it, and the first answer.
      const distinct = new Map<string, { first: Finding; values: Set<string>; who: Set<string> }>();
      for (const f of findings) {
        const key = `${f.kind}|${f.target}|${f.leaf}`;
        const d = distinct.get(key) ?? { first: f, values: new Set(), who: new Set() };
        d.values.add(f.value);
        d.who.add(f.identity);
        distinct.set(key, d);
      }
      console.log(
        [
          `fuzz: ${targets.length} targets, ${leaves.length} leaves, ${probes} probes ` +
            `(${deterministic} deterministic + ${probes - deterministic} fast-check, seed ${SEED}; ` +
            `real cursors of ${realCursors.size} connections sent to the others) ` +
            `in ${((Date.now() - started) / 1000).toFixed(1)} s (fingerprints ${(fingerprintMs / 1000).toFixed(1)} s)`,
          'fuzz: targets that refused every probe ' +
            `(expected for deletions; else the baseline may be too weak to reach deep): ${
              targets
                .filter((t) => !accepted.has(t.name))
                .map((t) => t.name)
                .join(', ') || 'none'
            }`,
          `fuzz: ${findings.length} findings` +
            (findings.length ? ': ' + [...byKind].map(([k, n]) => `${k} ×${n}`).join(', ') : ''),
          ...[...distinct.values()].map(
            ({ first: f, values, who }) =>
              `  - ${f.kind} | ${f.target} ${f.leaf} = ${[...values].join(' / ')} ` +
              `(${[...who].join(', ')}): ${f.detail}`,
          ),
        ].join('\n'),
      );
      expect(targets.filter((t) => !probed.has(t.name)).map((t) => t.name)).toEqual([]);
      expect(oversized).toEqual([]);
      expect(findings.map((f) => `${f.kind} | ${f.target} ${f.leaf} = ${f.value} (${f.identity})`)).toEqual([]);
    },
  );
});
