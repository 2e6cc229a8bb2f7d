import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { CatalogOrder } from '../../gql/graphql.ts';
import { useDebounced } from '../../lib/useDebounced.ts';
import { Spinner } from '../../ui/Feedback.tsx';
import { describeFilter, groupFacets, tagsArgument } from './facets.ts';
import { CatalogCard } from './CatalogCard.tsx';
import { CatalogFilters } from './CatalogFilters.tsx';
import { UseInProjectDialog } from './UseInProjectDialog.tsx';

export const PAGE_SIZE = 24;

const CatalogQuery = graphql(`
  query Catalog($first: Int!, $after: String, $tags: [String!], $search: String, $orderBy: CatalogOrder) {
    tagCategories {
      id
      slug
      name
    }
    publicAvatars(first: $first, after: $after, tags: $tags, search: $search, orderBy: $orderBy) {
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
            ...CatalogCard_avatar
          }
        }
        facets {
          count
          tag {
            id
            slug
            name
            category {
              id
              slug
              name
            }
          }
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

/** The public catalog, signed in or not: filters, search, previews; "Use in project" opens `?avatar=`. */
export function CatalogScreen({ signedIn }: { signedIn: boolean }) {
  const [selected, setSelected] = useState<string[]>([]);
  const [searchText, setSearchText] = useState('');
  const [orderBy, setOrderBy] = useState<CatalogOrder>(CatalogOrder.Newest);
  const search = useDebounced(searchText.trim(), 300);
  const tags = tagsArgument(selected);
  const variables = { first: PAGE_SIZE, tags, search: search || null, orderBy };
  const { data, previousData, loading, error, fetchMore } = useQuery(CatalogQuery, {
    variables,
    notifyOnNetworkStatusChange: true,
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
  });
  const shown = data ?? previousData; // keep the previous results on screen while a new filter loads
  const result = shown?.publicAvatars;
  const conn = result?.__typename === 'PublicAvatarConnection' ? result : undefined;
  // The avatar whose dialog is open is in the URL, so signing in from it comes back to it.
  const [params, setParams] = useSearchParams();
  const using = params.get('avatar');
  const [loadingMore, setLoadingMore] = useState(false);
  const lastTrigger = useRef<HTMLButtonElement | null>(null);

  const facets = conn?.facets;
  const categories = shown?.tagCategories;
  const groups = useMemo(() => groupFacets(facets ?? [], selected, categories ?? []), [facets, selected, categories]);
  const filterText = describeFilter(groups);

  // Infinite scroll: a sentinel under the grid asks for the next page when it comes into view.
  const sentinel = useRef<HTMLDivElement>(null);
  const more = useRef<() => void>(() => {});
  // Kept current after each render (not during it), before the observer below is made.
  useEffect(() => {
    more.current = () => {
      if (!conn?.pageInfo.hasNextPage || loadingMore || !data) return;
      setLoadingMore(true);
      void fetchMore({ variables: { after: conn.pageInfo.endCursor } }).finally(() => setLoadingMore(false));
    };
  });
  useEffect(() => {
    const el = sentinel.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && more.current(), {
      rootMargin: '600px 0px',
    });
    io.observe(el);
    return () => io.disconnect();
  }, [conn?.pageInfo.endCursor]);

  return (
    <section aria-labelledby="catalog-title" className="catalog">
      <h1 id="catalog-title">Public catalog</h1>
      <div className="catalog-layout">
        <CatalogFilters
          searchText={searchText}
          onSearchText={setSearchText}
          orderBy={orderBy}
          onOrderBy={setOrderBy}
          groups={groups}
          facets={facets ?? []}
          selected={selected}
          onSelected={setSelected}
        />
        <div className="results">
          <p className="result-summary" role="status" aria-live="polite">
            {conn ? (
              <>
                <strong data-testid="total-count">{conn.totalCount}</strong> avatar{conn.totalCount === 1 ? '' : 's'}
                {filterText && <> · {filterText}</>}
                {search && <> · “{search}”</>}
                {loading && !loadingMore && <span className="spinner inline" aria-label="Updating" />}
              </>
            ) : loading ? (
              'Loading…'
            ) : null}
          </p>
          {error && !shown && (
            <p className="form-error" role="alert">
              {error.message}
            </p>
          )}
          {result && result.__typename !== 'PublicAvatarConnection' && 'message' in result && (
            <p className="form-error" role="alert">
              {result.message}
            </p>
          )}
          {!shown && loading ? (
            <Spinner />
          ) : conn?.edges.length === 0 ? (
            <p className="empty">No avatar matches these filters.</p>
          ) : (
            <ul className="grid catalog-grid" aria-label="Public avatars">
              {conn?.edges.map(({ node }) => (
                <CatalogCard
                  key={node.id}
                  avatar={node}
                  onUse={(avatar, trigger) => {
                    lastTrigger.current = trigger;
                    setParams({ avatar: avatar.id });
                  }}
                />
              ))}
            </ul>
          )}
          <div ref={sentinel} className="sentinel" aria-hidden="true" />
          {loadingMore && <Spinner label="Loading more…" />}
          {conn?.pageInfo.hasNextPage && !loadingMore && (
            <button type="button" className="load-more" onClick={() => more.current()}>
              Load more
            </button>
          )}
        </div>
      </div>
      {using && (
        <UseInProjectDialog
          key={using}
          avatarId={using}
          signedIn={signedIn}
          onClose={() => {
            setParams({}, { replace: true });
            lastTrigger.current?.focus(); // back where the keyboard was
          }}
        />
      )}
    </section>
  );
}
