// What partners and CDNs see over HTTP: cache headers, ETags and 304s on anonymous catalog GETs, private
// answers for users and keys, persisted queries shared by the instances on one Redis, rate-limit headers.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, createPublicAvatars, createTaxonomy } from './fixtures.ts';
import { startTestApp, type TestApp } from './helpers.ts';

const REDIS = { REDIS_URL: 'redis://127.0.0.1:6379' };
const PAGE = `query PartnerPage($tags: [String!]) { publicAvatars(first: 10, tags: $tags) {
  ... on PublicAvatarConnection { totalCount edges { node { id name imageUrl } } } } }`;
const PREFLIGHT = { 'apollo-require-preflight': 'true' };

let app: TestApp;
let apiKey: string;
let admin: { token: string };

beforeAll(async () => {
  app = await startTestApp({ API_KEY_COST_PER_MINUTE: '3000' });
  await createPublicAvatars(app, await createTaxonomy(app), 3);
  // Presigned media URLs in the answer (the object need not exist to be signed).
  await app.sql(`UPDATE "Avatar" SET "imageStoragePath" = 'avatars/' || id || '.png'`);
  admin = await app.admin();
  apiKey = await createApiKey(app, 'Partner HTTP', admin);
});
afterAll(() => app.stop());

interface Params {
  query?: string;
  variables?: object;
  hash?: string;
}

/** GET /graphql as a partner or a CDN sends it: query (or only its hash), variables and extensions in the URL. */
async function get(base: string, { query, variables, hash }: Params, headers: Record<string, string> = {}) {
  const search = new URLSearchParams();
  if (query !== undefined) search.set('query', query);
  if (variables) search.set('variables', JSON.stringify(variables));
  if (hash) search.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
  const res = await fetch(`${base}/graphql?${search.toString()}`, { headers: { ...PREFLIGHT, ...headers } });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: text ? JSON.parse(text) : undefined };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const window = () => Math.floor(Date.now() / 300_000);

describe('HTTP caching of catalog reads', () => {
  it('marks anonymous catalog GETs public for the answer TTL, with an ETag that revalidates to a 304', async () => {
    // Media URLs are signed per 5-minute window: two reads across its end differ, so read again then.
    let first: Awaited<ReturnType<typeof get>>;
    let again: Awaited<ReturnType<typeof get>>;
    for (;;) {
      const at = window();
      first = await get(app.url, { query: PAGE });
      again = await get(app.url, { query: PAGE }, { 'if-none-match': first.headers.get('etag') ?? '' });
      if (at === window()) break;
    }
    expect(first.status).toBe(200);
    expect(first.body.data.publicAvatars.totalCount).toBe(3);
    expect(first.body.data.publicAvatars.edges[0].node.imageUrl).toMatch(/^http/);
    expect(first.headers.get('cache-control')).toBe(`public, max-age=${app.app.deps.catalog.ttlMs / 1000}`);
    expect(first.headers.get('cache-control')).toBe('public, max-age=10');
    expect(first.headers.get('vary')).toMatch(/\bAuthorization\b/);
    expect(first.headers.get('vary')).toMatch(/\bAccept\b/);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);

    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toBe('public, max-age=10');
    // A weak validator in a list matches too; another answer (other variables) has another ETag.
    const weak = await get(app.url, { query: PAGE }, { 'if-none-match': `"other", W/${etag}` });
    expect(weak.status).toBe(304);
    const other = await get(app.url, { query: PAGE, variables: { tags: ['femme'] } }, { 'if-none-match': etag! });
    expect(other.status).toBe(200);
    expect(other.headers.get('etag')).not.toBe(etag);

    // A catalog change changes the answer, and with it the ETag: the old one no longer revalidates.
    const id = first.body.data.publicAvatars.edges[0].node.id as string;
    const renamed = await app.gql(
      `mutation($input: UpdatePublicAvatarInput!) { updatePublicAvatar(input: $input) { __typename } }`,
      { input: { id, name: 'Renamed for the CDN' } },
      admin.token,
    );
    expect(renamed.data.updatePublicAvatar.__typename).toBe('MutationUpdatePublicAvatarSuccess');
    const changed = await get(app.url, { query: PAGE }, { 'if-none-match': etag! });
    expect(changed.status).toBe(200);
    expect(changed.text).toContain('Renamed for the CDN');
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('answers users and API keys privately, and never lets anything else be stored', async () => {
    const user = await app.signUp();
    for (const token of [user.token, apiKey]) {
      const r = await get(app.url, { query: PAGE }, { authorization: `Bearer ${token}` });
      expect(r.status).toBe(200);
      expect(r.headers.get('cache-control')).toBe('private, no-store');
      expect(r.headers.get('etag')).toBeNull();
      expect(r.headers.get('vary')).toMatch(/\bAuthorization\b/);
    }
    // A bad token is refused before any plugin runs: private all the same.
    const bad = await get(app.url, { query: PAGE }, { authorization: 'Bearer nope' });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('cache-control')).toBe('private, no-store');

    // Anonymous, but not the catalog (`me`), or with errors, or a POST (the browser client's): not stored.
    const me = await get(app.url, { query: '{ me { id } }' });
    expect(me.status).toBe(200);
    expect(me.headers.get('cache-control')).toBe('no-store');
    const invalid = await get(app.url, { query: '{ publicAvatars(first: 10) { nope } }' });
    expect(invalid.headers.get('cache-control')).toBe('no-store');
    for (let i = 0; i < 2; i++) {
      // The second POST is served from the answer cache, with the same headers.
      const post = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: PAGE }),
      });
      expect(post.status).toBe(200);
      expect(post.headers.get('cache-control')).toBe('no-store');
      expect(post.headers.get('etag')).toBeNull();
    }
  });
});

describe('automatic persisted queries', () => {
  it('knows a hash registered on one instance on every instance sharing its Redis', async () => {
    const a = await startTestApp(REDIS);
    const b = await startTestApp(REDIS, { shareWith: a });
    const alone = await startTestApp({}, { shareWith: a });
    try {
      await createPublicAvatars(a, await createTaxonomy(a), 2);
      // A text of its own per run: a hash left in Redis by an earlier run must not make this pass.
      const query = `${PAGE} # run ${sha256(String(Math.random()))}`;
      const hash = sha256(query);

      const unknown = await get(b.url, { hash });
      expect(unknown.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      expect(unknown.headers.get('cache-control')).toBe('no-store');

      const registered = await get(a.url, { query, hash });
      expect(registered.body.data.publicAvatars.totalCount).toBe(2);
      expect(registered.body.errors).toBeUndefined();

      // B never saw the text: it reads it from Redis, and its answer is a public, revalidatable one.
      const onB = await get(b.url, { hash });
      expect(onB.body).toEqual(registered.body);
      expect(onB.headers.get('cache-control')).toBe('public, max-age=10');
      expect(onB.headers.get('etag')).toBeTruthy();
      // With variables, through the hash alone, on A too.
      const femme = await get(a.url, { hash, variables: { tags: ['femme'] } });
      expect(femme.body.data.publicAvatars.totalCount).toBeLessThanOrEqual(2);

      // An instance without Redis (on the same database) keeps its own: it has never seen the hash.
      const onAlone = await get(alone.url, { hash });
      expect(onAlone.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    } finally {
      await alone.stop();
      await b.stop();
      await a.stop();
    }
  });
});

describe('rate-limit headers', () => {
  const HEAVY = `{ publicAvatars(first: 100) {
    ... on PublicAvatarConnection { edges { node { name tags { slug category { slug } } } } } } }`;

  it('tell a key its budget on every answer, and when to retry on a 429, as extensions.rateLimit does', async () => {
    const created = await app.gql(
      `mutation { createApiKey(input: { name: "Headers" }) { ... on MutationCreateApiKeySuccess { data { key } } } }`,
      {},
      admin.token,
    );
    const key = created.data.createApiKey.data.key as string;
    const post = async (token?: string) => {
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query: HEAVY }),
      });
      return { status: res.status, headers: res.headers, body: (await res.json()) as any };
    };
    const seen: number[] = [];
    let limited: Awaited<ReturnType<typeof post>> | undefined;
    for (let i = 0; i < 60 && !limited; i++) {
      const r = await post(key);
      if (r.status === 429) {
        limited = r;
        break;
      }
      expect(r.status).toBe(200);
      expect(r.headers.get('ratelimit-policy')).toBe('"cost";q=3000;w=60');
      const m = /^"cost";r=(\d+);t=(\d+)$/.exec(r.headers.get('ratelimit') ?? '');
      expect(m, r.headers.get('ratelimit') ?? 'no RateLimit header').not.toBeNull();
      expect(Number(m![1])).toBe(r.body.extensions.rateLimit.remaining);
      expect(Number(m![2])).toBeGreaterThan(0);
      expect(Number(m![2])).toBeLessThanOrEqual(60);
      seen.push(Number(m![1]));
    }
    expect(seen.length).toBeGreaterThan(1);
    expect(limited).toBeDefined();
    const error = limited!.body.errors[0];
    expect(error.extensions.code).toBe('RATE_LIMITED');
    expect(limited!.headers.get('retry-after')).toBe(String(error.extensions.retryAfterSeconds));
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited!.headers.get('ratelimit')).toBe(
      `"cost";r=${error.extensions.remaining};t=${Math.ceil(((3000 - error.extensions.remaining) / 3000) * 60)}`,
    );
    expect(limited!.headers.get('ratelimit-policy')).toBe('"cost";q=3000;w=60');

    // Anonymous callers have no partner budget, and no such headers.
    const anonymous = await post();
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get('ratelimit')).toBeNull();
    expect(anonymous.headers.get('ratelimit-policy')).toBeNull();
  });
});
