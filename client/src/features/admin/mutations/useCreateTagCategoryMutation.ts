import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import type { CreateTagCategoryInput } from '../../../gql/graphql.ts';

const CreateTagCategoryMutation = graphql(`
  mutation CreateTagCategory($input: CreateTagCategoryInput!) {
    createTagCategory(input: $input) {
      ... on MutationCreateTagCategorySuccess {
        data {
          id
          ...CategoryItem_category
        }
      }
      ...FormErrors_error
    }
  }
`);

/** Creates a category (it comes last) and appends it to the cached `tagCategories`. */
export function useCreateTagCategoryMutation() {
  const [execute, result] = useMutation(CreateTagCategoryMutation, {
    update(cache, { data }) {
      const r = data?.createTagCategory;
      if (!r || !('data' in r)) return;
      const ref = cache.identify({ __typename: 'TagCategory', id: r.data.id });
      if (!ref) return;
      cache.modify({
        id: 'ROOT_QUERY',
        fields: {
          tagCategories: (existing: readonly { __ref: string }[] = []) =>
            existing.some((c) => c.__ref === ref) ? existing : [...existing, { __ref: ref }],
        },
      });
    },
  });
  const createTagCategory = async (input: CreateTagCategoryInput) =>
    (await execute({ variables: { input } })).data?.createTagCategory;
  return [createTagCategory, result] as const;
}
