import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import type { CreateBRollInput } from '../../../gql/graphql.ts';
import { addToProjectList } from '../projectLists.ts';

const CreateBRollMutation = graphql(`
  mutation CreateBRoll($input: CreateBRollInput!) {
    createBRoll(input: $input) {
      ... on MutationCreateBRollSuccess {
        data {
          id
        }
        bRolls {
          id
          ...BRollsPanel_node
        }
      }
      ...FormErrors_error
    }
  }
`);

/** Starts a b-roll (or `count` variants); the PENDING b-rolls are listed first in its project's b-rolls. */
export function useCreateBRollMutation() {
  const [execute, result] = useMutation(CreateBRollMutation);
  const createBRoll = async (input: CreateBRollInput & { projectId: string }) =>
    (
      await execute({
        variables: { input },
        update(cache, { data }) {
          const r = data?.createBRoll;
          if (!r || !('bRolls' in r)) return;
          // Each goes first: the last variant first, so the list reads them in order.
          for (const b of [...r.bRolls].reverse()) addToProjectList(cache, input.projectId, 'BROLL', b.id);
        },
      })
    ).data?.createBRoll;
  return [createBRoll, result] as const;
}
