import type { TypedDocumentNode } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { nextCursor } from './connections.ts';

interface Page {
  edges: readonly { cursor: string }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * The "More …" action of a list of the project `id` (PagedList's `more`), or undefined once it has no next page.
 * `query` reads the page after `after` from the network; the cache appends it to the list (cachePolicies.ts).
 */
export function useLoadMore<TData>(
  query: TypedDocumentNode<TData, { id: string; after: string }>,
  id: string,
  page: Page,
  label: string,
): { label: string; load: () => Promise<unknown> } | undefined {
  const client = useApolloClient();
  if (!page.pageInfo.hasNextPage) return undefined;
  const load = () =>
    client.query({ query, variables: { id, after: nextCursor(page) ?? '' }, fetchPolicy: 'network-only' });
  return { label, load };
}
