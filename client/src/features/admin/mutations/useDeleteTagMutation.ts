import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const DeleteTagMutation = graphql(`
  mutation DeleteTag($input: DeleteTagInput!) {
    deleteTag(input: $input) {
      __typename
      ... on MutationDeleteTagSuccess {
        data
      }
      ... on Error {
        message
      }
    }
  }
`);

/** Deletes a tag of the category `categoryId`: it leaves the list at once (optimistic), and the cache. */
export function useDeleteTagMutation(categoryId: string) {
  const [execute, result] = useMutation(DeleteTagMutation, {
    update(cache, { data }) {
      const r = data?.deleteTag;
      if (!r || !('data' in r)) return;
      const ref = cache.identify({ __typename: 'Tag', id: r.data });
      cache.modify({
        id: cache.identify({ __typename: 'TagCategory', id: categoryId }),
        fields: { tags: (existing: readonly { __ref: string }[] = []) => existing.filter((t) => t.__ref !== ref) },
      });
      if (ref) cache.evict({ id: ref });
      cache.gc();
    },
  });
  const deleteTag = async (id: string) =>
    (
      await execute({
        variables: { input: { id } },
        optimisticResponse: { deleteTag: { __typename: 'MutationDeleteTagSuccess', data: id } },
      })
    ).data?.deleteTag;
  return [deleteTag, result] as const;
}
