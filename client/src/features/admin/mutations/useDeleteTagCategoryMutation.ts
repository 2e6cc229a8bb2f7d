import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const DeleteTagCategoryMutation = graphql(`
  mutation DeleteTagCategory($input: DeleteTagCategoryInput!) {
    deleteTagCategory(input: $input) {
      __typename
      ... on MutationDeleteTagCategorySuccess {
        data
      }
      ... on Error {
        message
      }
    }
  }
`);

/** Deletes a category with its tags: it leaves the list at once (optimistic), and the cache. */
export function useDeleteTagCategoryMutation() {
  const [execute, result] = useMutation(DeleteTagCategoryMutation, {
    update(cache, { data }) {
      const r = data?.deleteTagCategory;
      if (!r || !('data' in r)) return;
      const ref = cache.identify({ __typename: 'TagCategory', id: r.data });
      cache.modify({
        id: 'ROOT_QUERY',
        fields: {
          tagCategories: (existing: readonly { __ref: string }[] = []) => existing.filter((c) => c.__ref !== ref),
        },
      });
      if (ref) cache.evict({ id: ref });
      cache.gc();
    },
  });
  const deleteTagCategory = async (id: string) =>
    (
      await execute({
        variables: { input: { id } },
        optimisticResponse: {
          deleteTagCategory: { __typename: 'MutationDeleteTagCategorySuccess', data: id },
        },
      })
    ).data?.deleteTagCategory;
  return [deleteTagCategory, result] as const;
}
