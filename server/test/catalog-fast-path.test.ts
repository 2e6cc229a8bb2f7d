// Catalog-only POSTs answered without Apollo's pipeline (src/http/catalog-fast-path.ts) give the bytes and
// headers Apollo gives: the same request with an Accept header the fast path leaves to Apollo is the reference.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, createPublicAvatars, createTaxonomy } from './fixtures.ts';
import { startTestApp, type TestApp } from './helpers.ts';

const PAGE = `query Page($first: Int!, $tags: [String!]) { publicAvatars(first: $first, tags: $tags) {
  ... on PublicAvatarConnection { totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id name imageUrl tags { slug category { slug } } } } facets { tag { slug } count } }
  ... on Error { message } } }`;
/** Negotiated by Apollo to application/json as well; the fast path takes only no Accept, JSON or any. */
const VIA_APOLLO = { accept: 'application/json, text/plain;q=0.5' };
const COMPARED = ['status', 'content-type', 'cache-control', 'vary', 'ratelimit-policy'];

let app: TestApp;
let apiKey: string;
let user: { token: string };

beforeAll(async () => {
  app = await startTestApp({ API_KEY_COST_PER_MINUTE: '6000' });
  await createPublicAvatars(app, await createTaxonomy(app), 5);
  await app.sql(`UPDATE "Avatar" SET "imageStoragePath" = 'avatars/' || id || '.png'`);
  apiKey = await createApiKey(app, 'Fast path');
  user = await app.signUp();
});
afterAll(() => app.stop());

async function post(body: object, headers: Record<string, string> = {}) {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cache-control': 'no-cache', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  const head: Record<string, string | null> = { status: String(res.status) };
  for (const name of COMPARED.slice(1)) head[name] = res.headers.get(name);
  return { text, head, json: JSON.parse(text) as Record<string, any>, ratelimit: res.headers.get('ratelimit') };
}

describe('catalog fast path', () => {
  it('answers anonymous and signed-in catalog reads byte for byte as Apollo does', async () => {
    for (const auth of [{}, { authorization: `Bearer ${user.token}` }] as Record<string, string>[])
      for (const variables of [
        { first: 3, tags: ['femme'] },
        { first: 2 },
        { first: 2, tags: ['nope'] },
        { first: 0 },
      ]) {
        const what = JSON.stringify({ auth: Object.keys(auth), variables });
        const fast = await post({ query: PAGE, variables }, auth);
        const apollo = await post({ query: PAGE, variables }, { ...auth, ...VIA_APOLLO });
        expect(fast.head, what).toEqual(apollo.head);
        expect(fast.text, what).toBe(apollo.text);
        expect(fast.json.extensions.cost, what).toBeGreaterThan(0);
      }
    const anonymous = await post({ query: PAGE, variables: { first: 3 } });
    expect(anonymous.head['cache-control']).toBe('no-store');
    expect(anonymous.json.data.publicAvatars.edges).toHaveLength(3);
  });

  it('charges a partner key once per read and reports its budget as Apollo does', async () => {
    const auth = { authorization: `Bearer ${apiKey}` };
    const fast = await post({ query: PAGE, variables: { first: 3 } }, auth);
    const apollo = await post({ query: PAGE, variables: { first: 3 } }, { ...auth, ...VIA_APOLLO });
    const again = await post({ query: PAGE, variables: { first: 3 } }, auth);
    expect(fast.head).toEqual(apollo.head);
    expect(fast.head['cache-control']).toBe('private, no-store');
    const { cost } = fast.json.extensions;
    expect(fast.json.data).toEqual(apollo.json.data);
    expect(apollo.json.extensions.cost).toBe(cost);
    const left = [fast, apollo, again].map((r) => r.json.extensions.rateLimit.remaining as number);
    // Each read takes its cost once (the bucket refills 100 a second meanwhile).
    for (const [before, after] of [
      [left[0]!, left[1]!],
      [left[1]!, left[2]!],
    ] as const) {
      expect(before - after).toBeGreaterThanOrEqual(cost - 30);
      expect(before - after).toBeLessThanOrEqual(cost);
    }
    expect(fast.ratelimit).toMatch(/^"cost";r=\d+;t=\d+$/);
    expect(fast.json.extensions.rateLimit.perMinute).toBe(6000);
  });

  it('leaves errors, other operations and persisted queries to Apollo, with its answers', async () => {
    const cases: object[] = [
      { query: PAGE, variables: { first: 'three' } },
      { query: PAGE, variables: { tags: ['femme'] } },
      { query: `{ publicAvatars(first: 2) { ... on PublicAvatarConnection { nope } } }` },
      { query: `{ publicAvatars(first: 2 {` },
      { query: PAGE, operationName: 'Other', variables: { first: 1 } },
      { query: `{ me { id } }` },
    ];
    for (const body of cases) {
      const fast = await post(body);
      const apollo = await post(body, VIA_APOLLO);
      expect(fast.head, JSON.stringify(body)).toEqual(apollo.head);
      expect(fast.text, JSON.stringify(body)).toBe(apollo.text);
      if (!JSON.stringify(body).includes('me {')) expect(fast.json.errors?.length, JSON.stringify(body)).toBe(1);
    }
    const unknown = await post({ query: PAGE, operationName: 'Other', variables: { first: 1 } });
    expect(unknown.json.errors[0].message).toBe('Unknown operation named "Other".');
    const revoked = await post({ query: PAGE, variables: { first: 1 } }, { authorization: 'Bearer nope' });
    expect(revoked.head.status).toBe('401');
    expect(revoked.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
