import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const ReorderTagsMutation = graphql(`
  mutation ReorderTags($input: ReorderTagsInput!) {
    reorderTags(input: $input) {
      __typename
      ... on MutationReorderTagsSuccess {
        data {
          __typename
          id
          tags {
            __typename
            id
            position
          }
        }
      }
      ...FormErrors_error
    }
  }
`);

/** Puts a category's tags in the order of `ids` (all of them): at once (optimistic), then as the server says. */
export function useReorderTagsMutation(categoryId: string) {
  const [execute, result] = useMutation(ReorderTagsMutation);
  const reorderTags = async (ids: string[]) =>
    (
      await execute({
        variables: { input: { categoryId, ids } },
        optimisticResponse: {
          reorderTags: {
            __typename: 'MutationReorderTagsSuccess',
            data: {
              __typename: 'TagCategory',
              id: categoryId,
              tags: ids.map((id, position) => ({ __typename: 'Tag' as const, id, position })),
            },
          },
        },
      })
    ).data?.reorderTags;
  return [reorderTags, result] as const;
}
