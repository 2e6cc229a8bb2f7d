import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import type { RenameProjectInput } from '../../../gql/graphql.ts';

const RenameProjectMutation = graphql(`
  mutation RenameProject($input: RenameProjectInput!) {
    renameProject(input: $input) {
      ... on MutationRenameProjectSuccess {
        data {
          id
          name
          updatedAt
        }
      }
      ...FormErrors_error
    }
  }
`);

/** Renames a project: the cache updates the project wherever it is shown (normalized by id). */
export function useRenameProjectMutation() {
  const [execute, result] = useMutation(RenameProjectMutation);
  const renameProject = async (input: RenameProjectInput) =>
    (await execute({ variables: { input } })).data?.renameProject;
  return [renameProject, result] as const;
}
