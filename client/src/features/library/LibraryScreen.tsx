import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { GenerationStatus } from '../../gql/graphql.ts';
import { statusLabel } from '../../lib/format.ts';
import { Spinner } from '../../ui/Feedback.tsx';
import { Field } from '../../ui/Field.tsx';
import { PagedList } from '../../ui/PagedList.tsx';
import { AddToProjectDialog } from './AddToProjectDialog.tsx';
import { LibraryCard } from './LibraryCard.tsx';

const PAGE = 24;

const LibraryQuery = graphql(`
  query Library($first: Int!, $projectId: ID, $status: GenerationStatus) {
    me {
      id
      projects(first: 100) {
        edges {
          node {
            id
            name
          }
        }
      }
      avatars(first: $first, projectId: $projectId, status: $status) {
        totalCount
        pageInfo {
          hasNextPage
        }
        edges {
          node {
            id
            ...LibraryCard_avatar
          }
        }
      }
    }
  }
`);

/** Every avatar the user made, across projects, filtered by project and status; "Add to project" links one. */
export function LibraryScreen() {
  const [projectId, setProjectId] = useState('');
  const [status, setStatus] = useState<GenerationStatus | ''>('');
  // "More avatars" asks for a longer first page: the list is one cache entry per filter and length.
  const [first, setFirst] = useState(PAGE);
  const { data, previousData, loading, error } = useQuery(LibraryQuery, {
    variables: { first, projectId: projectId || null, status: status || null },
    fetchPolicy: 'cache-and-network',
  });
  const me = (data ?? previousData)?.me;
  const [adding, setAdding] = useState<{ id: string; name: string }>();

  return (
    <section aria-labelledby="library-title" className="library">
      <h1 id="library-title">Library</h1>
      <p className="muted">
        Every avatar you made, in any project. Adding one to another project is free: nothing is generated again.
      </p>
      <div className="toolbar">
        <Field label="Project">
          {(id) => (
            <select id={id} value={projectId} onChange={(e) => setProjectId(e.target.value)}>
              <option value="">All projects</option>
              {me?.projects.edges.map(({ node }) => (
                <option key={node.id} value={node.id}>
                  {node.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Status">
          {(id) => (
            <select id={id} value={status} onChange={(e) => setStatus(e.target.value as GenerationStatus | '')}>
              <option value="">Any status</option>
              {Object.values(GenerationStatus).map((s) => (
                <option key={s} value={s}>
                  {statusLabel(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {me && (
          <p className="result-summary" role="status">
            <strong data-testid="library-count">{me.avatars.totalCount}</strong> avatar
            {me.avatars.totalCount === 1 ? '' : 's'}
          </p>
        )}
      </div>
      {error && !me && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      {!me && loading ? (
        <Spinner />
      ) : me ? (
        <PagedList
          items={me.avatars.edges}
          empty={projectId || status ? 'No avatar matches these filters.' : 'No avatar yet: make one in a project.'}
          listProps={{ 'aria-labelledby': 'library-title' }}
          more={
            me.avatars.pageInfo.hasNextPage
              ? { label: 'More avatars', load: async () => setFirst((n) => n + PAGE) }
              : undefined
          }
        >
          {(e) => <LibraryCard key={e.node.id} avatar={e.node} onAdd={setAdding} />}
        </PagedList>
      ) : null}
      {adding && (
        <AddToProjectDialog
          avatar={adding}
          intro={<p className="muted">The same avatar, listed in one more project: no copy, no generation, no cost.</p>}
          onClose={() => setAdding(undefined)}
        />
      )}
    </section>
  );
}
