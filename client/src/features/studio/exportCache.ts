import type { ApolloCache } from '@apollo/client';

/**
 * Shows an export event in the studio: the export (already written to the cache by the subscription)
 * becomes the project's latestExport; a deleted one (expired) leaves it.
 */
export function showExport(cache: ApolloCache, projectId: string, exportId: string | null, deletedId: string): void {
  const project = cache.identify({ __typename: 'Project', id: projectId });
  if (!project) return;
  const ref = exportId ? cache.identify({ __typename: 'ProjectExport', id: exportId }) : undefined;
  cache.modify({
    id: project,
    fields: {
      latestExport: (current: { __ref?: string } | null, { toReference }) => {
        if (ref) return toReference(ref) ?? current;
        const deleted = cache.identify({ __typename: 'ProjectExport', id: deletedId });
        return current?.__ref === deleted ? null : current;
      },
    },
  });
}
