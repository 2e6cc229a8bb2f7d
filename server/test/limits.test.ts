import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers.ts';
import { createPublicAvatars, createTaxonomy } from './fixtures.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ API_KEY_COST_PER_MINUTE: '3000' });
  await createPublicAvatars(app, await createTaxonomy(app), 30);
});
afterAll(() => app.stop());

const PARTNER_PAGE = `query($tags: [String!]) { publicAvatars(first: 24, tags: $tags) { ... on PublicAvatarConnection {
  totalCount pageInfo { hasNextPage endCursor }
  edges { cursor node { id name imageUrl videoUrl tags { slug name category { slug name } } } }
  facets { tag { slug name category { slug } } count } } ... on Error { message } } }`;

describe('query limits', () => {
  it('lets a full catalog page with tags and facets through, and the introspection GraphiQL sends', async () => {
    const page = await app.gql(PARTNER_PAGE, { tags: ['femme', 'jeune', 'adulte'] });
    expect(page.errors).toBeUndefined();
    expect(page.extensions?.cost).toBeLessThan(app.config.limits.maxComplexity);
    const hundred = await app.gql(PARTNER_PAGE.replace('first: 24', 'first: 100'));
    expect(hundred.errors).toBeUndefined();
    const introspection = await app.gql(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
    expect(introspection.errors).toBeUndefined();
    expect(introspection.data.__schema.queryType.name).toBe('Query');
  });

  it('refuses a deeply nested query with a clear error', async () => {
    const deep = `{ tagCategories { tags { category { tags { category { tags { category { tags { category { tags {
      category { slug } } } } } } } } } } } }`;
    const r = await app.gql(deep);
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(r.errors?.[0]?.message).toMatch(/too deep: depth \d+, at most 10/);
    expect(r.data).toBeUndefined();
  });

  it('refuses a huge query by its cost', async () => {
    const fields = Array.from(
      { length: 25 },
      (_, i) =>
        `p${i}: publicAvatars(first: 100) {
          ... on PublicAvatarConnection { edges { node { name tags { slug category { slug } } } } } }`,
    );
    const r = await app.gql(`{ ${fields.join('\n')} }`);
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      maxCost: app.config.limits.maxComplexity,
    });
    expect(r.errors?.[0]?.message).toMatch(/too complex: cost \d+, at most/);
  });

  it('refuses an oversized body with 413 and a JSON error', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ tagCategories { slug } }', variables: { pad: 'x'.repeat(200_000) } }),
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(JSON.stringify(body)).not.toMatch(/at \w+ \(/);
  });

  it('never leaks stack traces outside development', async () => {
    const r = await app.gql(`mutation { createProject(input: { name: 1 }) { __typename } }`);
    const bad = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    const text = JSON.stringify(r) + (await bad.text());
    expect(bad.status).toBe(400);
    expect(text).not.toMatch(/stacktrace|at .*\.(ts|js):\d+/);
  });

  it('rate-limits API keys by query cost and says when to retry', async () => {
    const admin = await app.admin();
    const created = await app.gql(
      `mutation { createApiKey(input: { name: "Small budget" }) {
        ... on MutationCreateApiKeySuccess { data { key } } } }`,
      {},
      admin.token,
    );
    const key = created.data.createApiKey.data.key;
    const costs: number[] = [];
    let limited: any;
    for (let i = 0; i < 50 && !limited; i++) {
      const r = await app.gql(PARTNER_PAGE, {}, key);
      if (r.errors) limited = r;
      else costs.push(r.extensions!.cost);
    }
    expect(limited).toBeTruthy();
    expect(limited.status).toBe(429);
    expect(limited.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(limited.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
    // The budget (3000 per minute) is spent by cost, not by request count.
    expect(costs.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(3000);
    expect(costs.reduce((a, b) => a + b, 0) + costs[0]!).toBeGreaterThan(3000);
    // Anonymous callers are not metered by the partner budget.
    expect((await app.gql(PARTNER_PAGE)).errors).toBeUndefined();
  });
});

describe('partner budgets across instances', () => {
  it('charges one budget per key however many instances (sharing Redis) serve it', async () => {
    const redis = { REDIS_URL: 'redis://127.0.0.1:6379', API_KEY_COST_PER_MINUTE: '3000' };
    const a = await startTestApp(redis);
    const b = await startTestApp(redis, { shareWith: a });
    try {
      await createPublicAvatars(a, await createTaxonomy(a), 30);
      const admin = await a.admin();
      const key = (
        await a.gql(
          `mutation { createApiKey(input: { name: "Two instances" }) {
            ... on MutationCreateApiKeySuccess { data { key } } } }`,
          {},
          admin.token,
        )
      ).data.createApiKey.data.key;
      const costs: number[] = [];
      let limited: any;
      for (let i = 0; i < 60 && !limited; i++) {
        const r = await (i % 2 ? b : a).gql(PARTNER_PAGE, {}, key);
        if (r.errors) limited = r;
        else costs.push(r.extensions!.cost);
      }
      expect(limited?.errors[0].extensions.code).toBe('RATE_LIMITED');
      // Alone, each instance would have let 3000 through.
      expect(costs.reduce((x, y) => x + y, 0)).toBeLessThanOrEqual(3000);
      expect(new Set(costs.map((_, i) => i % 2)).size).toBe(2); // both instances answered
    } finally {
      await b.stop();
      await a.stop();
    }
  });
});

describe('variables', () => {
  it('answers variables that do not fit the operation with a 400, not a 500', async () => {
    for (const [query, variables] of [
      ['query($o: CatalogOrder) { publicAvatars(orderBy: $o) { __typename } }', { o: 'SIDEWAYS' }],
      ['query($n: Int) { publicAvatars(first: $n) { __typename } }', { n: 'ten' }],
      ['query($t: [String!]) { publicAvatars(tags: $t) { __typename } }', { t: [null] }],
    ] as const) {
      const r = await app.gql(query, variables);
      expect(r.status, query).toBe(400);
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('transport', () => {
  it('answers GET queries and echoes the request id', async () => {
    const res = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ tagCategories { slug } }')}`, {
      headers: { 'x-request-id': 'get-1', 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('get-1');
    expect(((await res.json()) as any).data.tagCategories.length).toBeGreaterThan(0);
  });

  it('refuses a compressed body and one that is not JSON with typed 4xx errors', async () => {
    const gz = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: new Uint8Array([0x1f, 0x8b, 0, 0]),
    });
    expect(gz.status).toBe(415);
    expect(((await gz.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
    const text = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{ __typename }',
    });
    expect(text.status).toBe(400);
    expect(text.headers.get('x-request-id')).toBeTruthy();
  });

  it('answers a subscription sent over HTTP with a clear 400', async () => {
    const r = await app.gql(`subscription { projectUpdated(projectId: "x") { kind } }`);
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(r.errors?.[0]?.message).toMatch(/WebSocket/);
  });
});

describe('health', () => {
  it('answers /healthz and /readyz with the state of the database and storage', async () => {
    expect(await (await fetch(`${app.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: true, storage: true });
  });
});
