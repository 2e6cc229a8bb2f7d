import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import type { CreateProjectInput } from '../../../gql/graphql.ts';

const CreateProjectMutation = graphql(`
  mutation CreateProject($input: CreateProjectInput!) {
    createProject(input: $input) {
      ... on MutationCreateProjectSuccess {
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

/** Creates a project; the projects list is fetched again (its counts and order come from the server). */
export function useCreateProjectMutation() {
  const [execute, result] = useMutation(CreateProjectMutation, {
    refetchQueries: ['Projects'],
    awaitRefetchQueries: true,
  });
  const createProject = async (input: CreateProjectInput) =>
    (await execute({ variables: { input } })).data?.createProject;
  return [createProject, result] as const;
}
