import type { FieldPolicy, InMemoryCacheConfig, Reference, TypePolicy } from '@apollo/client';
import { possibleTypes as generated } from '../gql/possible-types.ts';

// The catalog field returns a union: PublicAvatarConnection | UnknownTagsError | ValidationError.
// Relay-style merge for the connection: pages fetched with `after` are appended (deduplicated by
// cursor); a first page (no `after`) replaces what was there. Facets and totalCount are the same for
// every page of a filter, so the newest ones win. Errors replace the value as they are.

interface Edge {
  cursor: string;
  node?: unknown;
}
interface ConnectionLike {
  __typename?: string;
  edges?: readonly Edge[];
  pageInfo?: { endCursor?: string | null; hasNextPage?: boolean; [k: string]: unknown };
  [k: string]: unknown;
}

export function mergeCatalogPage(existing: ConnectionLike | undefined, incoming: ConnectionLike, args: Record<string, unknown> | null): ConnectionLike {
  if (incoming.__typename !== 'PublicAvatarConnection') return incoming;
  const after = args?.after;
  if (!after || !existing || existing.__typename !== 'PublicAvatarConnection') return incoming;
  // A page that does not continue from where the list ends (e.g. a refetch of an older cursor): start
  // over from the first page's data plus this one, never duplicate.
  const seen = new Set((existing.edges ?? []).map((e) => e.cursor));
  const edges = [...(existing.edges ?? []), ...(incoming.edges ?? []).filter((e) => !seen.has(e.cursor))];
  return {
    ...incoming,
    edges,
    pageInfo: {
      ...existing.pageInfo,
      ...incoming.pageInfo,
      // The start of the merged list is the start of the first page.
      startCursor: existing.pageInfo?.startCursor ?? incoming.pageInfo?.startCursor ?? null,
      hasPreviousPage: existing.pageInfo?.hasPreviousPage ?? false,
    },
  };
}

export const publicAvatarsPolicy: FieldPolicy<ConnectionLike> = {
  // One cache entry per filter and order; `first`/`after` are pages of it.
  keyArgs: ['tags', 'search', 'orderBy'],
  merge(existing, incoming, { args }) {
    return mergeCatalogPage(existing, incoming, args);
  },
};

/**
 * Interfaces and unions of schema.graphql (generated), plus error types the server may add to a
 * result union later (e.g. GenerationLimitError): they implement Error, and `... on Error` must match them.
 */
export const possibleTypes: Record<string, string[]> = {
  ...generated,
  Error: [...new Set([...(generated.Error ?? []), 'GenerationLimitError'])],
};

/**
 * A generation never goes back from SUCCEEDED to PENDING (only FAILED ones are retried). A PENDING
 * state arriving after SUCCEEDED is a stale write — e.g. the createAvatar response landing after the
 * subscription already announced the video — and must not hide the video again.
 */
export function isStaleWrite(existingStatus: unknown, incomingStatus: unknown): boolean {
  return existingStatus === 'SUCCEEDED' && incomingStatus === 'PENDING';
}

// Media URLs never go from a URL back to null on a live item (only a stale write carries null).
const keepUrl = { merge: (existing: unknown, incoming: unknown) => incoming ?? existing ?? null };
const generationPolicy: TypePolicy = {
  fields: {
    status: { merge: (existing: unknown, incoming: unknown) => (isStaleWrite(existing, incoming) ? existing : incoming) },
    imageUrl: keepUrl,
    videoUrl: keepUrl,
    thumbnailUrl: keepUrl,
  },
};

export const cacheConfig: InMemoryCacheConfig = {
  possibleTypes,
  typePolicies: {
    Query: {
      fields: {
        publicAvatars: publicAvatarsPolicy as FieldPolicy,
        project: {
          // A project fetched by the list is already in the cache: read it from there.
          read(existing: Reference | undefined, { args, toReference }) {
            return existing ?? (args?.id ? toReference({ __typename: 'Project', id: args.id as string }) : undefined);
          },
        },
      },
    },
    Avatar: generationPolicy,
    Image: generationPolicy,
    BRoll: generationPolicy,
    // Facets have no id of their own.
    TagFacet: { keyFields: false },
  },
};
