import { useState } from 'react';
import { CatalogOrder } from '../../gql/graphql.ts';
import { clearCategory, toggleTag, type Facet, type FacetGroup } from './facets.ts';

// Every order of the schema, in the order shown; a new one is a compile error here.
const ORDER_LABELS: Record<CatalogOrder, string> = { NEWEST: 'Newest', OLDEST: 'Oldest', NAME: 'Name' };
const ORDERS = Object.values(CatalogOrder).sort(
  (a, b) => Object.keys(ORDER_LABELS).indexOf(a) - Object.keys(ORDER_LABELS).indexOf(b),
);

/** Search, order and the tag facets per category (phones: folded away behind a button). */
export function CatalogFilters(props: {
  searchText: string;
  onSearchText: (text: string) => void;
  orderBy: CatalogOrder;
  onOrderBy: (order: CatalogOrder) => void;
  groups: readonly FacetGroup[];
  facets: readonly Facet[];
  selected: readonly string[];
  onSelected: (change: (selected: string[]) => string[]) => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <aside className="filters" aria-label="Filters">
      <div className="field">
        <label htmlFor="catalog-search">Search by name</label>
        <input
          id="catalog-search"
          type="search"
          value={props.searchText}
          onChange={(e) => props.onSearchText(e.target.value)}
          placeholder="Camille"
        />
      </div>
      <div className="field">
        <label htmlFor="catalog-order">Order</label>
        <select
          id="catalog-order"
          value={props.orderBy}
          onChange={(e) => props.onOrderBy(ORDERS.find((o) => o === e.target.value) ?? props.orderBy)}
        >
          {ORDERS.map((o) => (
            <option key={o} value={o}>
              {ORDER_LABELS[o]}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="filters-toggle"
        aria-expanded={open}
        aria-controls="filters-body"
        onClick={() => setOpen((v) => !v)}
      >
        {open ? 'Hide filters' : 'Filters'}
        {props.selected.length ? ` (${props.selected.length})` : ''}
      </button>
      <div id="filters-body" className={open ? 'open' : undefined}>
        {props.groups.map((g) => (
          <fieldset key={g.slug} className="facet-group" data-category={g.slug}>
            <legend>{g.name}</legend>
            {g.tags.map((t) => (
              <label key={t.slug} className={`facet${t.count === 0 && !t.selected ? ' zero' : ''}`}>
                <input
                  type="checkbox"
                  name={t.slug}
                  checked={t.selected}
                  onChange={() => props.onSelected((s) => toggleTag(s, t.slug))}
                />
                <span>{t.name}</span>
                <span className="count" data-testid={`facet-count-${t.slug}`}>
                  {t.count}
                </span>
              </label>
            ))}
            {g.tags.some((t) => t.selected) && (
              <button
                type="button"
                className="btn-ghost btn-small"
                onClick={() => props.onSelected((s) => clearCategory(s, props.facets, g.slug))}
              >
                Clear {g.name}
              </button>
            )}
          </fieldset>
        ))}
      </div>
    </aside>
  );
}
