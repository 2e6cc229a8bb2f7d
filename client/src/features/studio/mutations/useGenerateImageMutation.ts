import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import type { GenerateImageInput } from '../../../gql/graphql.ts';
import { addToProjectList } from '../projectLists.ts';

const GenerateImageMutation = graphql(`
  mutation GenerateImage($input: GenerateImageInput!) {
    generateImage(input: $input) {
      ... on MutationGenerateImageSuccess {
        data {
          id
        }
        images {
          id
          ...ImagesPanel_node
        }
      }
      ...FormErrors_error
    }
  }
`);

/** Starts an image (or `count` variants); the PENDING images are listed first in its project's images. */
export function useGenerateImageMutation() {
  const [execute, result] = useMutation(GenerateImageMutation);
  const generateImage = async (input: GenerateImageInput & { projectId: string }) =>
    (
      await execute({
        variables: { input },
        update(cache, { data }) {
          const r = data?.generateImage;
          if (!r || !('images' in r)) return;
          // Each goes first: the last variant first, so the list reads them in order.
          for (const image of [...r.images].reverse()) addToProjectList(cache, input.projectId, 'IMAGE', image.id);
        },
      })
    ).data?.generateImage;
  return [generateImage, result] as const;
}
