import { describe, expect, it } from 'vitest';
import { InMemoryCache, gql } from '@apollo/client';
import { cacheConfig, isStaleWrite, mergeCatalogPage } from './cachePolicies.ts';

const page = (cursors: string[], hasNextPage: boolean, totalCount = 99) => ({
  __typename: 'PublicAvatarConnection',
  totalCount,
  facets: [{ __typename: 'TagFacet', count: totalCount }],
  pageInfo: {
    __typename: 'PageInfo',
    hasNextPage,
    endCursor: cursors.at(-1) ?? null,
    startCursor: cursors[0] ?? null,
    hasPreviousPage: false,
  },
  edges: cursors.map((c) => ({ __typename: 'PublicAvatarEdge', cursor: c, node: { __ref: `Avatar:${c}` } })),
});

describe('mergeCatalogPage', () => {
  it('replaces on a first page and appends a next page, without duplicates', () => {
    const first = mergeCatalogPage(undefined, page(['a', 'b'], true), { first: 2 });
    expect(first.edges!.map((e) => e.cursor)).toEqual(['a', 'b']);
    const second = mergeCatalogPage(first, page(['b', 'c'], false, 98), { first: 2, after: 'b' });
    expect(second.edges!.map((e) => e.cursor)).toEqual(['a', 'b', 'c']);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, endCursor: 'c', startCursor: 'a' });
    expect(second.totalCount).toBe(98); // the newest counts win
    // A refetch of the first page starts over.
    expect(mergeCatalogPage(second, page(['z'], true), { first: 2 }).edges!.map((e) => e.cursor)).toEqual(['z']);
  });

  it('lets an error result replace the connection', () => {
    const err = { __typename: 'UnknownTagsError', message: 'Unknown tags: x', slugs: ['x'] };
    expect(mergeCatalogPage(page(['a'], true), err, { after: 'a' })).toBe(err);
  });
});

describe('the cache with our type policies', () => {
  const QUERY = gql`
    query Catalog($first: Int!, $after: String, $tags: [String!]) {
      publicAvatars(first: $first, after: $after, tags: $tags) {
        __typename
        ... on PublicAvatarConnection {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            cursor
            node {
              id
              name
            }
          }
        }
        ... on Error {
          message
        }
      }
    }
  `;
  const result = (ids: string[], hasNextPage: boolean) => ({
    publicAvatars: {
      __typename: 'PublicAvatarConnection',
      totalCount: 3,
      pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: ids.at(-1) },
      edges: ids.map((id) => ({
        __typename: 'PublicAvatarEdge',
        cursor: id,
        node: { __typename: 'Avatar', id, name: `N${id}` },
      })),
    },
  });

  it('keeps one list per filter and appends pages fetched with after', () => {
    const cache = new InMemoryCache(cacheConfig);
    cache.writeQuery({ query: QUERY, variables: { first: 2, tags: ['femme'] }, data: result(['1', '2'], true) });
    cache.writeQuery({
      query: QUERY,
      variables: { first: 2, after: '2', tags: ['femme'] },
      data: result(['3'], false),
    });
    cache.writeQuery({ query: QUERY, variables: { first: 2, tags: ['homme'] }, data: result(['9'], false) });
    const femme = cache.readQuery<any>({ query: QUERY, variables: { first: 2, tags: ['femme'] } });
    expect(femme.publicAvatars.edges.map((e: any) => e.node.id)).toEqual(['1', '2', '3']);
    expect(femme.publicAvatars.pageInfo.hasNextPage).toBe(false);
    const homme = cache.readQuery<any>({ query: QUERY, variables: { first: 2, tags: ['homme'] } });
    expect(homme.publicAvatars.edges.map((e: any) => e.node.id)).toEqual(['9']);
  });

  it('matches `... on Error` on any error type, including ones added later', () => {
    const cache = new InMemoryCache(cacheConfig);
    for (const __typename of ['UnknownTagsError', 'GenerationLimitError']) {
      cache.writeQuery({
        query: QUERY,
        variables: { first: 2, tags: [__typename] },
        data: { publicAvatars: { __typename, message: `m-${__typename}` } } as any,
      });
      expect(
        cache.readQuery<any>({ query: QUERY, variables: { first: 2, tags: [__typename] } }).publicAvatars.message,
      ).toBe(`m-${__typename}`);
    }
  });
});

describe('generation status writes', () => {
  const F = gql`
    fragment A on Avatar {
      id
      status
      videoUrl
    }
  `;
  it('ignores a stale PENDING after SUCCEEDED, but lets a retry go FAILED → PENDING', () => {
    expect(isStaleWrite('SUCCEEDED', 'PENDING')).toBe(true);
    expect(isStaleWrite('FAILED', 'PENDING')).toBe(false);
    const cache = new InMemoryCache(cacheConfig);
    const write = (status: string, videoUrl: string | null) =>
      cache.writeFragment({ id: 'Avatar:1', fragment: F, data: { __typename: 'Avatar', id: '1', status, videoUrl } });
    const read = () => cache.readFragment<any>({ id: 'Avatar:1', fragment: F });
    write('SUCCEEDED', 'http://v');
    write('PENDING', null);
    expect(read()).toMatchObject({ status: 'SUCCEEDED', videoUrl: 'http://v' });
    write('SUCCEEDED', 'http://v2'); // fresh URLs still land
    expect(read().videoUrl).toBe('http://v2');
    write('FAILED', null);
    write('PENDING', null);
    expect(read().status).toBe('PENDING');
  });
});

describe("a project's lists in the cache", () => {
  const FIRST = gql`
    query Studio($id: ID!) {
      project(id: $id) {
        id
        avatars(first: 2) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            cursor
            node {
              id
            }
          }
        }
      }
    }
  `;
  const MORE = gql`
    query StudioMoreAvatars($id: ID!, $after: String!) {
      project(id: $id) {
        id
        avatars(first: 2, after: $after) {
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            cursor
            node {
              id
            }
          }
        }
      }
    }
  `;
  const conn = (ids: string[], hasNextPage: boolean, totalCount?: number) => ({
    __typename: 'ProjectAvatarsConnection',
    ...(totalCount === undefined ? {} : { totalCount }),
    pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: ids.at(-1) },
    edges: ids.map((id) => ({
      __typename: 'ProjectAvatarsConnectionEdge',
      cursor: id,
      node: { __typename: 'Avatar', id },
    })),
  });

  it('appends a next page to the first one, keeps its totalCount, and starts over on a refresh', () => {
    const cache = new InMemoryCache(cacheConfig);
    const project = (avatars: object) => ({ project: { __typename: 'Project', id: 'P1', avatars } });
    cache.writeQuery({ query: FIRST, variables: { id: 'P1' }, data: project(conn(['a', 'b'], true, 3)) });
    cache.writeQuery({ query: MORE, variables: { id: 'P1', after: 'b' }, data: project(conn(['c'], false)) });
    const read = cache.readQuery<any>({ query: FIRST, variables: { id: 'P1' } })!;
    expect(read.project.avatars.edges.map((e: any) => e.node.id)).toEqual(['a', 'b', 'c']);
    expect(read.project.avatars.totalCount).toBe(3);
    expect(read.project.avatars.pageInfo).toMatchObject({ hasNextPage: false, endCursor: 'c' });
    cache.writeQuery({ query: FIRST, variables: { id: 'P1' }, data: project(conn(['z', 'a'], true, 4)) });
    expect(
      cache.readQuery<any>({ query: FIRST, variables: { id: 'P1' } })!.project.avatars.edges.map((e: any) => e.node.id),
    ).toEqual(['z', 'a']);
  });
});
