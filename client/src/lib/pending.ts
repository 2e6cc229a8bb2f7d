import type { ApolloClient } from '@apollo/client';
import { graphql } from '../gql';

export interface PendingIds {
  Avatar: string[];
  Image: string[];
  BRoll: string[];
}

/** Ids of the generated things (avatars, images, b-rolls) the cache holds as PENDING, per type. */
export function pendingIds(normalized: Record<string, unknown>): PendingIds {
  const out: PendingIds = { Avatar: [], Image: [], BRoll: [] };
  for (const value of Object.values(normalized)) {
    const v = value as { __typename?: string; id?: string; status?: string } | null;
    const t = v?.__typename;
    if (
      (t === 'Avatar' || t === 'Image' || t === 'BRoll') &&
      v!.status === 'PENDING' &&
      v!.id &&
      !v!.id.startsWith('optimistic:')
    )
      out[t].push(v!.id);
  }
  return out;
}

// Three lists, because Image and BRoll both have `prompt`/`source` with different types.
export const PendingNodesQuery = graphql(`
  query PendingNodes($avatarIds: [ID!]!, $imageIds: [ID!]!, $bRollIds: [ID!]!) {
    avatars: nodes(ids: $avatarIds) {
      id
      ... on Avatar {
        ...AvatarCard_avatar
      }
    }
    images: nodes(ids: $imageIds) {
      id
      ... on Image {
        ...ImageCard_image
      }
    }
    bRolls: nodes(ids: $bRollIds) {
      id
      ... on BRoll {
        ...BRollCard_bRoll
      }
    }
  }
`);

/**
 * Events sent while the WebSocket was down are lost: ask for the current state of everything
 * still PENDING (at most 100 ids of each kind per request). Returns how many were asked about.
 */
export async function refetchPending(client: ApolloClient): Promise<number> {
  const ids = pendingIds(client.cache.extract() as Record<string, unknown>);
  const total = ids.Avatar.length + ids.Image.length + ids.BRoll.length;
  for (let i = 0; i < Math.max(ids.Avatar.length, ids.Image.length, ids.BRoll.length); i += 100) {
    await client.query({
      query: PendingNodesQuery,
      variables: {
        avatarIds: ids.Avatar.slice(i, i + 100),
        imageIds: ids.Image.slice(i, i + 100),
        bRollIds: ids.BRoll.slice(i, i + 100),
      },
      fetchPolicy: 'network-only',
    });
  }
  return total;
}
