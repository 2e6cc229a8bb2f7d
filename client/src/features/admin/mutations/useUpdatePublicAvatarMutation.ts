import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const UpdatePublicAvatarMutation = graphql(`
  mutation UpdatePublicAvatar($input: UpdatePublicAvatarInput!) {
    updatePublicAvatar(input: $input) {
      __typename
      ... on MutationUpdatePublicAvatarSuccess {
        data {
          __typename
          id
          name
          tags {
            __typename
            id
            slug
            name
          }
        }
      }
      ...FormErrors_error
    }
  }
`);

interface Tag {
  __typename: 'Tag';
  id: string;
  slug: string;
  name: string;
}

/** A public avatar's name and tags, shown at once (optimistic: `tags` are the chosen ones) and undone if refused. */
export function useUpdatePublicAvatarMutation() {
  const [execute, result] = useMutation(UpdatePublicAvatarMutation);
  const updatePublicAvatar = async (id: string, name: string, tags: Tag[]) =>
    (
      await execute({
        variables: { input: { id, name, tagSlugs: tags.map((t) => t.slug) } },
        optimisticResponse: {
          updatePublicAvatar: {
            __typename: 'MutationUpdatePublicAvatarSuccess',
            data: {
              __typename: 'Avatar',
              id,
              name: name.trim(),
              tags: [...tags].sort((a, b) => (a.slug < b.slug ? -1 : 1)),
            },
          },
        },
      })
    ).data?.updatePublicAvatar;
  return [updatePublicAvatar, result] as const;
}
