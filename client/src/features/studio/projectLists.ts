import type { ApolloCache } from '@apollo/client';
import type { ProjectEventKind } from '../../gql/graphql.ts';
import { insertIntoList, listHas, removeFromList } from '../../lib/connections.ts';

/** The kinds of things a project lists: its images, avatars and b-rolls. */
export type ProjectListKind = Exclude<ProjectEventKind, 'PROJECT' | 'EXPORT'>;

const LISTS: Record<ProjectListKind, { field: string; typename: string; edge: string }> = {
  IMAGE: { field: 'images', typename: 'Image', edge: 'ProjectImagesConnectionEdge' },
  AVATAR: { field: 'avatars', typename: 'Avatar', edge: 'ProjectAvatarsConnectionEdge' },
  BROLL: { field: 'bRolls', typename: 'BRoll', edge: 'ProjectBRollsConnectionEdge' },
};

const projectRef = (cache: ApolloCache, projectId: string) => cache.identify({ __typename: 'Project', id: projectId });

/** Lists an item (already in the cache) first in its project's list, unless the list has it. */
export function addToProjectList(cache: ApolloCache, projectId: string, kind: ProjectListKind, id: string): void {
  const { field, typename, edge } = LISTS[kind];
  const owner = projectRef(cache, projectId);
  if (owner && listHas(cache, owner, field, { __typename: typename, id })) return;
  insertIntoList(cache, owner, field, { __typename: typename, id }, edge);
}

/** Takes an item out of its project's list and out of the cache. */
export function removeFromProjectList(cache: ApolloCache, projectId: string, kind: ProjectListKind, id: string): void {
  const { field, typename } = LISTS[kind];
  removeFromList(cache, projectRef(cache, projectId), field, { __typename: typename, id });
}
