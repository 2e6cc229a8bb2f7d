import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import { clearCategory, describeFilter, groupFacets, tagsArgument, toggleTag } from '../lib/facets.ts';
import { useDebounced } from '../lib/useDebounced.ts';
import { Spinner } from '../components/ui.tsx';
import { PreviewVideo } from '../components/MediaCards.tsx';
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
            name
            imageUrl
            videoUrl
            tags {
              id
              slug
              name
            }
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

type Order = 'NEWEST' | 'OLDEST' | 'NAME';

export function CatalogScreen() {
  const [selected, setSelected] = useState<string[]>([]);
  const [searchText, setSearchText] = useState('');
  const [orderBy, setOrderBy] = useState<Order>('NEWEST');
  const search = useDebounced(searchText.trim(), 300);
  const tags = tagsArgument(selected);
  const variables = { first: PAGE_SIZE, tags, search: search || null, orderBy };
  const { data, previousData, loading, error, fetchMore } = useQuery(CatalogQuery, { variables, notifyOnNetworkStatusChange: true, fetchPolicy: 'cache-and-network', nextFetchPolicy: 'cache-first' });
  const shown = data ?? previousData; // keep the previous results on screen while a new filter loads
  const result = shown?.publicAvatars;
  const conn = result?.__typename === 'PublicAvatarConnection' ? result : undefined;
  const [using, setUsing] = useState<{ id: string; name: string; imageUrl: string | null | undefined }>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [filtersOpen, setFiltersOpen] = useState(false); // phones only: the filters fold away
  const lastTrigger = useRef<HTMLButtonElement | null>(null);

  const groups = useMemo(() => groupFacets(conn?.facets ?? [], selected, shown?.tagCategories ?? []), [conn?.facets, selected, shown?.tagCategories]);
  const filterText = describeFilter(groups);

  // Infinite scroll: a sentinel under the grid asks for the next page when it comes into view.
  const sentinel = useRef<HTMLDivElement>(null);
  const more = useRef<() => void>(() => {});
  more.current = () => {
    if (!conn?.pageInfo.hasNextPage || loadingMore || !data) return;
    setLoadingMore(true);
    void fetchMore({ variables: { after: conn.pageInfo.endCursor } }).finally(() => setLoadingMore(false));
  };
  useEffect(() => {
    const el = sentinel.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && more.current(), { rootMargin: '600px 0px' });
    io.observe(el);
    return () => io.disconnect();
  }, [conn?.pageInfo.endCursor]);

  return (
    <section aria-labelledby="catalog-title" className="catalog">
      <h1 id="catalog-title">Public catalog</h1>
      <div className="catalog-layout">
        <aside className="filters" aria-label="Filters">
          <div className="field">
            <label htmlFor="catalog-search">Search by name</label>
            <input id="catalog-search" type="search" value={searchText} onChange={(e) => setSearchText(e.target.value)} placeholder="Camille" />
          </div>
          <div className="field">
            <label htmlFor="catalog-order">Order</label>
            <select id="catalog-order" value={orderBy} onChange={(e) => setOrderBy(e.target.value as Order)}>
              <option value="NEWEST">Newest</option>
              <option value="OLDEST">Oldest</option>
              <option value="NAME">Name</option>
            </select>
          </div>
          <button type="button" className="filters-toggle" aria-expanded={filtersOpen} aria-controls="filters-body" onClick={() => setFiltersOpen((v) => !v)}>
            {filtersOpen ? 'Hide filters' : 'Filters'}
            {selected.length ? ` (${selected.length})` : ''}
          </button>
          <div id="filters-body" className={filtersOpen ? 'open' : undefined}>
            {groups.map((g) => (
              <fieldset key={g.slug} className="facet-group" data-category={g.slug}>
                <legend>{g.name}</legend>
                {g.tags.map((t) => (
                  <label key={t.slug} className={`facet${t.count === 0 && !t.selected ? ' zero' : ''}`}>
                    <input type="checkbox" name={t.slug} checked={t.selected} onChange={() => setSelected((s) => toggleTag(s, t.slug))} />
                    <span>{t.name}</span>
                    <span className="count" data-testid={`facet-count-${t.slug}`}>
                      {t.count}
                    </span>
                  </label>
                ))}
                {g.tags.some((t) => t.selected) && (
                  <button type="button" className="btn-ghost btn-small" onClick={() => setSelected((s) => clearCategory(s, conn?.facets ?? [], g.slug))}>
                    Clear {g.name}
                  </button>
                )}
              </fieldset>
            ))}
          </div>
        </aside>
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
          ) : conn && conn.edges.length === 0 ? (
            <p className="empty">No avatar matches these filters.</p>
          ) : (
            <ul className="grid catalog-grid" aria-label="Public avatars">
              {conn?.edges.map(({ node }) => (
                <li
                  key={node.id}
                  className="card media-card"
                  data-testid="catalog-card"
                  // Keyboard users get the preview too: it plays while focus is inside the card.
                  onFocus={(e) =>
                    void e.currentTarget
                      .querySelector('video')
                      ?.play()
                      .catch(() => {})
                  }
                  onBlur={(e) => e.currentTarget.querySelector('video')?.pause()}
                >
                  <div className="media portrait">
                    {node.videoUrl ? (
                      <PreviewVideo src={node.videoUrl} poster={node.imageUrl} label={`Avatar ${node.name}`} />
                    ) : node.imageUrl ? (
                      <img src={node.imageUrl} alt="" />
                    ) : null}
                  </div>
                  <div className="media-body">
                    <strong className="name">{node.name}</strong>
                    <p className="tags">{node.tags.map((t) => t.name).join(' · ')}</p>
                    <button
                      type="button"
                      onClick={(e) => {
                        lastTrigger.current = e.currentTarget;
                        setUsing({ id: node.id, name: node.name, imageUrl: node.imageUrl });
                      }}
                    >
                      Use in project
                    </button>
                  </div>
                </li>
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
          avatar={using}
          onClose={() => {
            setUsing(undefined);
            lastTrigger.current?.focus(); // back where the keyboard was
          }}
        />
      )}
    </section>
  );
}
