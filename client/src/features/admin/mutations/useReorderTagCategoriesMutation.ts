import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const ReorderTagCategoriesMutation = graphql(`
  mutation ReorderTagCategories($input: ReorderTagCategoriesInput!) {
    reorderTagCategories(input: $input) {
      __typename
      ... on MutationReorderTagCategoriesSuccess {
        data {
          __typename
          id
          position
        }
      }
      ...FormErrors_error
    }
  }
`);

/** Puts the categories in the order of `ids` (every category): at once (optimistic), then as the server says. */
export function useReorderTagCategoriesMutation() {
  const [execute, result] = useMutation(ReorderTagCategoriesMutation, {
    update(cache, { data }) {
      const r = data?.reorderTagCategories;
      if (!r || !('data' in r)) return;
      const refs = r.data.map((c) => ({ __ref: cache.identify({ __typename: 'TagCategory', id: c.id }) ?? '' }));
      cache.modify({ id: 'ROOT_QUERY', fields: { tagCategories: () => refs } });
    },
  });
  const reorderTagCategories = async (ids: string[]) =>
    (
      await execute({
        variables: { input: { ids } },
        optimisticResponse: {
          reorderTagCategories: {
            __typename: 'MutationReorderTagCategoriesSuccess',
            data: ids.map((id, position) => ({ __typename: 'TagCategory' as const, id, position })),
          },
        },
      })
    ).data?.reorderTagCategories;
  return [reorderTagCategories, result] as const;
}
