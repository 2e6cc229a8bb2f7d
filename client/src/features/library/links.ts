import type { ApolloCache } from '@apollo/client';
import { removeEdge } from '../../lib/connections.ts';

// An avatar added to a project from elsewhere leaves that project's list without leaving the cache: it still
// exists in its own project, the catalog and the library.

type Connection = Parameters<typeof removeEdge>[0];
type Raw = Record<string, { project?: { __ref?: string } | null } | undefined>;

/** Whether the cached avatar was made somewhere else than `projectId` (so it was only added there). */
export function addedFromElsewhere(cache: ApolloCache, projectId: string, avatarId: string): boolean {
  const id = cache.identify({ __typename: 'Avatar', id: avatarId });
  const row = id ? (cache.extract() as Raw)[id] : undefined;
  if (!row || !('project' in row)) return false;
  return row.project?.__ref !== cache.identify({ __typename: 'Project', id: projectId });
}

/** Takes the avatar out of every variant of the project's avatars list, and nothing more. */
export function leaveProjectAvatars(cache: ApolloCache, projectId: string, avatarId: string): void {
  const project = cache.identify({ __typename: 'Project', id: projectId });
  const avatar = cache.identify({ __typename: 'Avatar', id: avatarId });
  if (!project || !avatar) return;
  cache.modify({
    id: project,
    fields: { avatars: (existing: unknown) => removeEdge(existing as Connection, avatar) ?? existing },
  });
}
