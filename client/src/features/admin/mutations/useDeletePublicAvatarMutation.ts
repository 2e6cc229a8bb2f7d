import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { removeFromList } from '../../../lib/connections.ts';

const DeletePublicAvatarMutation = graphql(`
  mutation DeletePublicAvatar($input: DeleteAvatarInput!) {
    deleteAvatar(input: $input) {
      __typename
      ... on MutationDeleteAvatarSuccess {
        data
      }
      ... on Error {
        message
      }
    }
  }
`);

/** Deletes a public avatar (it leaves the catalog): gone from the admin list at once (optimistic). */
export function useDeletePublicAvatarMutation() {
  const [execute, result] = useMutation(DeletePublicAvatarMutation, {
    update(cache, { data }) {
      const r = data?.deleteAvatar;
      if (r && 'data' in r)
        removeFromList(cache, 'ROOT_QUERY', 'adminPublicAvatars', { __typename: 'Avatar', id: r.data });
    },
  });
  const deletePublicAvatar = async (id: string) =>
    (
      await execute({
        variables: { input: { id } },
        optimisticResponse: { deleteAvatar: { __typename: 'MutationDeleteAvatarSuccess', data: id } },
      })
    ).data?.deleteAvatar;
  return [deletePublicAvatar, result] as const;
}
