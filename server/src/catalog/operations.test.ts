import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isCatalogOnly, isPartnerOperation, operationOf } from './operations.ts';

const both = (query: string, operationName?: string | null) => {
  const document = parse(query);
  return { catalog: isCatalogOnly(document, operationName), partner: isPartnerOperation(document, operationName) };
};

describe('catalog-only and partner operations', () => {
  it.each([
    ['{ publicAvatars { __typename } }'],
    ['{ tagCategories { slug } publicAvatars(first: 3) { __typename } }'],
    ['query Catalog($first: Int!) { publicAvatars(first: $first) { __typename } }'],
    ['{ __typename }'],
    ['{ page: publicAvatars { __typename } categories: tagCategories { slug } }'],
    ['{ ...Catalog } fragment Catalog on Query { publicAvatars { __typename } }'],
    ['{ ... on Query { tagCategories { slug } } }'],
    [
      '{ ...A } fragment A on Query { ...B tagCategories { slug } } ' +
        'fragment B on Query { ...A publicAvatars { __typename } }',
    ],
  ])('%s is catalog-only, and a partner may run it', (query) => {
    expect(both(query)).toEqual({ catalog: true, partner: true });
  });

  it.each([
    ['{ node(id: "x") { id } }'],
    ['{ nodes(ids: ["x"]) { id } }'],
    ['{ __schema { types { name } } }'],
    ['{ __type(name: "Avatar") { name } publicAvatars { __typename } }'],
    ['{ n: node(id: "x") { id } }'],
    ['{ publicAvatars @include(if: true) { __typename } }'],
    ['{ ... @skip(if: false) { tagCategories { slug } } }'],
    ['{ ...F @include(if: true) } fragment F on Query { tagCategories { slug } }'],
  ])('%s is for partners, not the catalog-only answers', (query) => {
    expect(both(query)).toEqual({ catalog: false, partner: true });
  });

  it.each([
    ['{ me { id } }'],
    ['{ publicAvatars { __typename } me { id } }'],
    ['{ me: publicAvatars { __typename } apiKeys: me { id } }'],
    ['{ ...F } fragment F on Query { publicAvatars { __typename } me { id } }'],
    ['{ ... on Query { project(id: "x") { id } } }'],
    ['{ ...Missing }'],
    ['mutation { createProject(input: { name: "x" }) { __typename } }'],
    ['mutation { __typename }'],
    ['subscription { avatarUpdated(id: "x") { id } }'],
  ])('%s is neither', (query) => {
    expect(both(query)).toEqual({ catalog: false, partner: false });
  });

  it('judges the operation that runs: the one named, else the only one', () => {
    const doc = 'query A { publicAvatars { __typename } } query B { me { id } }';
    expect(both(doc, 'A')).toEqual({ catalog: true, partner: true });
    expect(both(doc, 'B')).toEqual({ catalog: false, partner: false });
    expect(both(doc)).toEqual({ catalog: false, partner: false });
    expect(both(doc, 'C')).toEqual({ catalog: false, partner: false });
    expect(operationOf(parse(doc))).toBeUndefined();
    expect(operationOf(parse(doc), 'B')?.name?.value).toBe('B');
    expect(operationOf(parse('{ me { id } }'), null)?.operation).toBe('query');
  });
});
