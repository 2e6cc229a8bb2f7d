import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { removeFromProjectList } from '../projectLists.ts';

const DeleteAvatarMutation = graphql(`
  mutation DeleteAvatar($input: DeleteAvatarInput!) {
    deleteAvatar(input: $input) {
      ... on MutationDeleteAvatarSuccess {
        data
      }
      ... on Error {
        message
      }
    }
  }
`);

/** Deletes an avatar of the project `projectId` (and its video): it leaves the list and the cache. */
export function useDeleteAvatarMutation(projectId: string) {
  const [execute, result] = useMutation(DeleteAvatarMutation);
  const deleteAvatar = async (id: string) =>
    (
      await execute({
        variables: { input: { id } },
        update(cache, { data }) {
          const r = data?.deleteAvatar;
          if (r && 'data' in r) removeFromProjectList(cache, projectId, 'AVATAR', id);
        },
      })
    ).data?.deleteAvatar;
  return [deleteAvatar, result] as const;
}
