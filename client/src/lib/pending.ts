import type { ApolloClient } from '@apollo/client';
import { graphql } from '../gql';

const GENERATED = new Set(['Avatar', 'Image', 'BRoll']);

/** Ids of the generated things (avatars, images, b-rolls) the cache holds as PENDING. */
export function pendingIds(normalized: Record<string, unknown>): string[] {
  const ids: string[] = [];
  for (const value of Object.values(normalized)) {
    const v = value as { __typename?: string; id?: string; status?: string } | null;
    if (v && GENERATED.has(v.__typename ?? '') && v.status === 'PENDING' && v.id && !v.id.startsWith('optimistic:')) ids.push(v.id);
  }
  return ids;
}

export const PendingNodesQuery = graphql(`
  query PendingNodes($ids: [ID!]!) {
    nodes(ids: $ids) {
      id
      ... on Avatar {
        ...AvatarFields
      }
      ... on Image {
        ...ImageFields
      }
      ... on BRoll {
        ...BRollFields
      }
    }
  }
`);

/**
 * Events sent while the WebSocket was down are lost: ask for the current state of everything
 * still PENDING (one request of at most 100 ids per batch).
 */
export async function refetchPending(client: ApolloClient): Promise<number> {
  const ids = pendingIds(client.cache.extract() as Record<string, unknown>);
  for (let i = 0; i < ids.length; i += 100) {
    await client.query({ query: PendingNodesQuery, variables: { ids: ids.slice(i, i + 100) }, fetchPolicy: 'network-only' });
  }
  return ids.length;
}
