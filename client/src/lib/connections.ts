import type { ApolloCache } from '@apollo/client';

// Edits of the project's lists (project { images avatars bRolls }, me { projects }) in the cache,
// for items created or deleted by a mutation or announced by a subscription.

interface EdgeLike {
  __typename?: string;
  cursor?: string;
  /** A `Reference`, or a `{ __ref }` written by hand; anything else is not an item of ours. */
  node: unknown;
}
interface ConnLike {
  totalCount?: number;
  edges?: readonly EdgeLike[];
  [k: string]: unknown;
}

const refOf = (node: unknown): string | undefined =>
  node && typeof node === 'object' && '__ref' in node ? (node as { __ref: string }).__ref : undefined;

/** The connection with `ref` first, unless it is already there. Pure, for tests. */
export function prependEdge(
  existing: ConnLike | undefined,
  ref: { __ref: string },
  edgeTypename: string,
): ConnLike | undefined {
  if (!existing?.edges) return existing;
  if (existing.edges.some((e) => refOf(e.node) === ref.__ref)) return existing;
  return {
    ...existing,
    totalCount: (existing.totalCount ?? existing.edges.length) + 1,
    edges: [{ __typename: edgeTypename, cursor: `local:${ref.__ref}`, node: ref }, ...existing.edges],
  };
}

/** The connection without the node whose cache id is `cacheId`. Pure, for tests. */
export function removeEdge(existing: ConnLike | undefined, cacheId: string): ConnLike | undefined {
  if (!existing?.edges) return existing;
  const edges = existing.edges.filter((e) => refOf(e.node) !== cacheId);
  if (edges.length === existing.edges.length) return existing;
  return { ...existing, totalCount: Math.max(0, (existing.totalCount ?? edges.length + 1) - 1), edges };
}

/** Adds an item (already written to the cache) to every variant of `owner.field`. */
export function insertIntoList(
  cache: ApolloCache,
  ownerId: string | undefined,
  field: string,
  item: { __typename: string; id: string },
  edgeTypename: string,
): void {
  const cacheId = cache.identify(item);
  if (!ownerId || !cacheId) return;
  cache.modify({
    id: ownerId,
    fields: {
      [field]: (existing: unknown) => prependEdge(existing as ConnLike, { __ref: cacheId }, edgeTypename) ?? existing,
    },
  });
}

/** Removes an item from every variant of `owner.field`, then drops it from the cache. */
export function removeFromList(
  cache: ApolloCache,
  ownerId: string | undefined,
  field: string,
  item: { __typename: string; id: string },
): void {
  const cacheId = cache.identify(item);
  if (!cacheId) return;
  if (ownerId) {
    cache.modify({
      id: ownerId,
      fields: { [field]: (existing: unknown) => removeEdge(existing as ConnLike, cacheId) ?? existing },
    });
  }
  cache.evict({ id: cacheId });
  cache.gc();
}

/** Whether any variant of `owner.field` lists the item. */
export function listHas(
  cache: ApolloCache,
  ownerId: string,
  field: string,
  item: { __typename: string; id: string },
): boolean {
  const cacheId = cache.identify(item);
  const owner = (cache.extract() as Record<string, Record<string, unknown> | undefined>)[ownerId];
  if (!owner || !cacheId) return false;
  return Object.entries(owner).some(
    // Stored as `field`, `field({...args})`, or `field:{...keyArgs}` under a field policy with keyArgs.
    ([k, v]) =>
      (k === field || k.startsWith(`${field}(`) || k.startsWith(`${field}:`)) &&
      ((v as ConnLike | undefined)?.edges ?? []).some((e) => refOf(e.node) === cacheId),
  );
}

/**
 * Where the next page of a list starts: after its last item still shown that came from the server.
 * Not `pageInfo.endCursor` as such: that item may have been deleted since, and a cursor naming a
 * deleted row would end the list early. Items added here (cursor `local:…`) sit at the top.
 */
export function nextCursor(page: {
  edges: readonly { cursor: string }[];
  pageInfo: { endCursor?: string | null };
}): string | null {
  const fromServer = page.edges.filter((e) => !e.cursor.startsWith('local:'));
  return fromServer.at(-1)?.cursor ?? page.pageInfo.endCursor ?? null;
}
