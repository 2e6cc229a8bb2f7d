import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import type { CreateTagInput } from '../../../gql/graphql.ts';

const CreateTagMutation = graphql(`
  mutation CreateTag($input: CreateTagInput!) {
    createTag(input: $input) {
      ... on MutationCreateTagSuccess {
        data {
          id
          ...TagItem_tag
        }
      }
      ...FormErrors_error
    }
  }
`);

/** Creates a tag (it comes last in its category) and appends it to the category's cached tags. */
export function useCreateTagMutation() {
  const [execute, result] = useMutation(CreateTagMutation);
  const createTag = async (input: CreateTagInput) =>
    (
      await execute({
        variables: { input },
        update(cache, { data }) {
          const r = data?.createTag;
          if (!r || !('data' in r)) return;
          const ref = cache.identify({ __typename: 'Tag', id: r.data.id });
          if (!ref) return;
          cache.modify({
            id: cache.identify({ __typename: 'TagCategory', id: input.categoryId }),
            fields: {
              tags: (existing: readonly { __ref: string }[] = []) =>
                existing.some((t) => t.__ref === ref) ? existing : [...existing, { __ref: ref }],
            },
          });
        },
      })
    ).data?.createTag;
  return [createTag, result] as const;
}
