import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import type { CreatePublicAvatarInput } from '../../../gql/graphql.ts';
import { insertIntoList } from '../../../lib/connections.ts';

const CreatePublicAvatarMutation = graphql(`
  mutation CreatePublicAvatar($input: CreatePublicAvatarInput!) {
    createPublicAvatar(input: $input) {
      ... on MutationCreatePublicAvatarSuccess {
        data {
          id
          ...PublicAvatarRow_avatar
        }
      }
      ...FormErrors_error
    }
  }
`);

/**
 * Starts a public avatar from one of the admin's studio images: the PENDING avatar heads the admin list
 * at once; the image is used up, so the picker's list is read again.
 */
export function useCreatePublicAvatarMutation() {
  const [execute, result] = useMutation(CreatePublicAvatarMutation, {
    refetchQueries: ['AdminStudioImages'],
    update(cache, { data }) {
      const r = data?.createPublicAvatar;
      if (!r || !('data' in r)) return;
      const item = { __typename: 'Avatar', id: r.data.id };
      insertIntoList(cache, 'ROOT_QUERY', 'adminPublicAvatars', item, 'QueryAdminPublicAvatarsConnectionEdge');
    },
  });
  const createPublicAvatar = async (input: CreatePublicAvatarInput) =>
    (await execute({ variables: { input } })).data?.createPublicAvatar;
  return [createPublicAvatar, result] as const;
}
