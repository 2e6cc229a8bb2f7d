import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const CancelGenerationMutation = graphql(`
  mutation CancelGeneration($input: CancelGenerationInput!) {
    cancelGeneration(input: $input) {
      ... on MutationCancelGenerationSuccess {
        data {
          answer
          generation {
            ... on Node {
              id
            }
          }
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

/**
 * Cancels a PENDING image, avatar or b-roll. A queued one is CANCELLED at once, and its card says so; a
 * running one ends as fal ends it, told by the subscription. The answer carries no status on purpose: a
 * running request that fal stops at once can reach the browser through the subscription (CANCELLED)
 * before this answer, whose state, read earlier, would put the card back to PENDING for good.
 */
export function useCancelGenerationMutation() {
  const [execute, result] = useMutation(CancelGenerationMutation, {
    update(cache, { data }) {
      const answer = data?.cancelGeneration;
      if (!answer || !('data' in answer) || answer.data.answer !== 'CANCELLED' || !answer.data.generation) return;
      // Apollo adds __typename to every selection, so the object identifies itself.
      const id = cache.identify(answer.data.generation);
      if (id) cache.modify({ id, fields: { status: () => 'CANCELLED', progress: () => null } });
    },
  });
  const cancelGeneration = async (id: string) =>
    (await execute({ variables: { input: { id } } })).data?.cancelGeneration;
  return [cancelGeneration, result] as const;
}
