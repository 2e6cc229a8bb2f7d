import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { nextCursor } from '../../../lib/connections.ts';
import { useDebounced } from '../../../lib/useDebounced.ts';
import { LoadMore, Spinner } from '../../../ui/Feedback.tsx';
import { NewPublicAvatarForm } from './NewPublicAvatarForm.tsx';
import { PublicAvatarRow } from './PublicAvatarRow.tsx';

const PAGE_SIZE = 24;

const AdminPublicAvatarsQuery = graphql(`
  query AdminPublicAvatars($first: Int!, $after: String, $search: String) {
    tagCategories {
      id
      ...TagPicker_category
    }
    adminPublicAvatars(first: $first, after: $after, search: $search) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...PublicAvatarRow_avatar
        }
      }
    }
  }
`);

/** Every public avatar (in progress and failed ones too), newest first: publish, edit, delete. */
export function PublicAvatarsSection() {
  const [searchText, setSearchText] = useState('');
  const search = useDebounced(searchText.trim(), 300) || null;
  const { data, loading, error, fetchMore } = useQuery(AdminPublicAvatarsQuery, {
    variables: { first: PAGE_SIZE, search },
    fetchPolicy: 'cache-and-network',
  });
  const categories = data?.tagCategories ?? [];
  const list = data?.adminPublicAvatars;
  return (
    <section aria-labelledby="admin-avatars-title">
      <h2 id="admin-avatars-title">Public avatars</h2>
      <NewPublicAvatarForm categories={categories} />
      <div className="field">
        <label htmlFor="admin-avatar-search">Search public avatars</label>
        <input
          id="admin-avatar-search"
          type="search"
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
        />
      </div>
      {loading && !data ? (
        <Spinner />
      ) : error ? (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      ) : !list?.edges.length ? (
        <p className="empty">No public avatar{search ? ' with this name' : ''}.</p>
      ) : (
        <>
          <p className="muted">{list.totalCount} public avatars</p>
          <ul className="admin-avatars">
            {list.edges.map((e) => (
              <PublicAvatarRow key={e.node.id} avatar={e.node} categories={categories} />
            ))}
          </ul>
          {list.pageInfo.hasNextPage && (
            <LoadMore
              label="More public avatars"
              load={() => fetchMore({ variables: { first: PAGE_SIZE, search, after: nextCursor(list) } })}
            />
          )}
        </>
      )}
    </section>
  );
}
