import { describe, expect, it } from 'vitest';
import { InMemoryCache, gql } from '@apollo/client';
import { cacheConfig } from './cachePolicies.ts';
import { insertIntoList, listHas, nextCursor, prependEdge, removeEdge, removeFromList } from './connections.ts';
import { pendingIds } from './pending.ts';

describe('connection edits', () => {
  const conn = { totalCount: 1, edges: [{ cursor: 'c1', node: { __ref: 'Avatar:1' } }] };

  it('prepends once', () => {
    const next = prependEdge(conn, { __ref: 'Avatar:2' }, 'E')!;
    expect(next.edges!.map((e) => (e.node as { __ref: string }).__ref)).toEqual(['Avatar:2', 'Avatar:1']);
    expect(next.totalCount).toBe(2);
    expect(prependEdge(next, { __ref: 'Avatar:2' }, 'E')).toBe(next);
  });

  it('continues a list after its last item from the server, even when endCursor names a deleted one', () => {
    const edges = [{ cursor: 'local:Avatar:9' }, { cursor: 'c1' }, { cursor: 'c2' }];
    expect(nextCursor({ edges, pageInfo: { endCursor: 'c3' } })).toBe('c2');
    expect(nextCursor({ edges: [{ cursor: 'local:Avatar:9' }], pageInfo: { endCursor: 'c3' } })).toBe('c3');
  });

  it('removes', () => {
    expect(removeEdge(conn, 'Avatar:1')).toEqual({ totalCount: 0, edges: [] });
    expect(removeEdge(conn, 'Avatar:9')).toBe(conn);
  });

  it('edits the lists of a project in a real cache, and finds pending items', () => {
    const cache = new InMemoryCache(cacheConfig);
    const QUERY = gql`
      query Studio($id: ID!) {
        project(id: $id) {
          id
          avatars(first: 100) {
            totalCount
            edges {
              cursor
              node {
                id
                status
              }
            }
          }
        }
      }
    `;
    cache.writeQuery({
      query: QUERY,
      variables: { id: 'P1' },
      data: {
        project: {
          __typename: 'Project',
          id: 'P1',
          avatars: {
            __typename: 'ProjectAvatarsConnection',
            totalCount: 1,
            edges: [
              {
                __typename: 'ProjectAvatarsConnectionEdge',
                cursor: 'c',
                node: { __typename: 'Avatar', id: 'A1', status: 'SUCCEEDED' },
              },
            ],
          },
        },
      },
    });
    cache.writeFragment({
      id: 'Avatar:A2',
      fragment: gql`
        fragment F on Avatar {
          id
          status
        }
      `,
      data: { __typename: 'Avatar', id: 'A2', status: 'PENDING' },
    });
    insertIntoList(cache, 'Project:P1', 'avatars', { __typename: 'Avatar', id: 'A2' }, 'ProjectAvatarsConnectionEdge');
    let data = cache.readQuery<any>({ query: QUERY, variables: { id: 'P1' } });
    expect(data.project.avatars.edges.map((e: any) => e.node.id)).toEqual(['A2', 'A1']);
    expect(data.project.avatars.totalCount).toBe(2);
    expect(listHas(cache, 'Project:P1', 'avatars', { __typename: 'Avatar', id: 'A2' })).toBe(true);
    expect(pendingIds(cache.extract() as Record<string, unknown>)).toEqual({ Avatar: ['A2'], Image: [], BRoll: [] });

    removeFromList(cache, 'Project:P1', 'avatars', { __typename: 'Avatar', id: 'A2' });
    data = cache.readQuery<any>({ query: QUERY, variables: { id: 'P1' } });
    expect(data.project.avatars.edges.map((e: any) => e.node.id)).toEqual(['A1']);
    expect(listHas(cache, 'Project:P1', 'avatars', { __typename: 'Avatar', id: 'A2' })).toBe(false);
    expect(pendingIds(cache.extract() as Record<string, unknown>).Avatar).toEqual([]);
  });

  it('never counts an optimistic avatar as pending on the server', () => {
    expect(
      pendingIds({
        'Avatar:optimistic:1': { __typename: 'Avatar', id: 'optimistic:1', status: 'PENDING' },
        'BRoll:B': { __typename: 'BRoll', id: 'B', status: 'PENDING' },
        'Image:I': { __typename: 'Image', id: 'I', status: 'FAILED' },
      }),
    ).toEqual({
      Avatar: [],
      Image: [],
      BRoll: ['B'],
    });
  });
});
