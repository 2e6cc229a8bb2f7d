import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const CancelGenerationMutation = graphql(`
  mutation CancelGeneration($input: CancelGenerationInput!) {
    cancelGeneration(input: $input) {
      ... on MutationCancelGenerationSuccess {
        data {
          answer
          generation {
            ... on Image {
              id
              status
              failureReason
              progress {
                ...PendingProgress_progress
              }
            }
            ... on Avatar {
              id
              status
              failureReason
              progress {
                ...PendingProgress_progress
              }
            }
            ... on BRoll {
              id
              status
              failureReason
              progress {
                ...PendingProgress_progress
              }
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

// Only what a cancel changes, per type: the card fragments cannot share a selection (Image and BRoll have
// `prompt` and `source` of different types); the cards read the rest from the cache.
/**
 * Cancels a PENDING image, avatar or b-roll: the answer (CANCELLED, or still PENDING while fal stops a running
 * one) updates its card in the cache; the subscription tells how a running one ended.
 */
export function useCancelGenerationMutation() {
  const [execute, result] = useMutation(CancelGenerationMutation);
  const cancelGeneration = async (id: string) =>
    (await execute({ variables: { input: { id } } })).data?.cancelGeneration;
  return [cancelGeneration, result] as const;
}
