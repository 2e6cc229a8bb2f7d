import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../graphql/schema/index.ts';
import { admitOperation, CostBuckets } from './limits.ts';

describe('CostBuckets', () => {
  it('refuses past the budget and refills with time', () => {
    let now = 0;
    const b = new CostBuckets(() => now);
    b.takeNow('k', 60, 100);
    expect(() => b.takeNow('k', 60, 100)).toThrow(/Rate limit/);
    now += 12_000; // +20 tokens: 40 + 20 = 60
    expect(b.takeNow('k', 60, 100)).toBe(0);
    expect(b.takeNow('other', 0, 100)).toBe(100);
  });
});

describe('the partner allowlist', () => {
  const limits = { maxComplexity: 100_000, maxDepth: 20, apiKeyCostPerMinute: 1_000_000 };
  const admit = (query: string, operationName?: string) =>
    admitOperation(
      { schema, document: parse(query), variables: {}, operationName, ctx: { apiKey: { id: 'k', name: 'Partner' } } },
      limits,
      new CostBuckets(),
    ).then(
      () => 'admitted',
      (e: unknown) => (e as { extensions?: { code?: string } }).extensions?.code,
    );

  it('lets an API key read the catalog, by alias or fragment, and node/nodes', async () => {
    for (const query of [
      '{ tagCategories { slug } publicAvatars(first: 5) { __typename } }',
      '{ cats: tagCategories { slug } }',
      '{ ...F } fragment F on Query { publicAvatars { __typename } }',
      '{ node(id: "x") { id } nodes(ids: ["y"]) { id } }',
      '{ __schema { queryType { name } } }',
    ]) {
      expect(await admit(query), query).toBe('admitted');
    }
  });

  it('refuses anything else, however it is spelled', async () => {
    for (const [query, name] of [
      ['{ me { id } }'],
      ['{ tagCategories: me { id } }'],
      ['{ ...F } fragment F on Query { publicAvatars { __typename } me { id } }'],
      ['{ ... on Query { apiKeys { id } } }'],
      ['mutation { createProject(input: { name: "x" }) { __typename } }'],
      ['query A { tagCategories { slug } } query B { me { id } }', 'B'],
    ]) {
      expect(await admit(query!, name), query).toBe('FORBIDDEN');
    }
  });
});
