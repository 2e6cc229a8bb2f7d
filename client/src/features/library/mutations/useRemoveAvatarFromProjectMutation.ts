import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { leaveProjectAvatars } from '../links.ts';

const RemoveAvatarFromProjectMutation = graphql(`
  mutation RemoveAvatarFromProject($input: RemoveAvatarFromProjectInput!) {
    removeAvatarFromProject(input: $input) {
      __typename
      ... on MutationRemoveAvatarFromProjectSuccess {
        data {
          __typename
          id
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

/**
 * Takes an avatar added to project `projectId` out of it: it leaves that project's list at once (optimistic),
 * and stays in the cache, since it still exists in its own project, the catalog or the library.
 */
export function useRemoveAvatarFromProjectMutation(projectId: string) {
  const [execute, result] = useMutation(RemoveAvatarFromProjectMutation);
  const removeAvatar = async (avatarId: string) =>
    (
      await execute({
        variables: { input: { projectId, avatarId } },
        optimisticResponse: {
          removeAvatarFromProject: {
            __typename: 'MutationRemoveAvatarFromProjectSuccess',
            data: { __typename: 'Avatar', id: avatarId },
          },
        },
        update(cache, { data }) {
          const r = data?.removeAvatarFromProject;
          if (r && 'data' in r) leaveProjectAvatars(cache, projectId, avatarId);
        },
      })
    ).data?.removeAvatarFromProject;
  return [removeAvatar, result] as const;
}
