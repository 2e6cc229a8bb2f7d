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
          ...BRollCard_bRoll
        }
      }
      ...FormErrors_error
    }
  }
`);

/** Starts a b-roll; the PENDING b-roll is listed first in its project's b-rolls. */
export function useCreateBRollMutation() {
  const [execute, result] = useMutation(CreateBRollMutation);
  const createBRoll = async (input: CreateBRollInput & { projectId: string }) =>
    (
      await execute({
        variables: { input },
        update(cache, { data }) {
          const r = data?.createBRoll;
          if (r && 'data' in r) addToProjectList(cache, input.projectId, 'BROLL', r.data.id);
        },
      })
    ).data?.createBRoll;
  return [createBRoll, result] as const;
}
