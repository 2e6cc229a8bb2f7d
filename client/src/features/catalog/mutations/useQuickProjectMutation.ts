import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

const QuickProjectMutation = graphql(`
  mutation QuickProject($input: CreateProjectInput!) {
    createProject(input: $input) {
      ... on MutationCreateProjectSuccess {
        data {
          id
          name
        }
      }
      ...FormErrors_error
    }
  }
`);

/** Creates a project on the way (from "Use in project"); the project lists are fetched again, not awaited. */
export function useQuickProjectMutation() {
  const [execute, result] = useMutation(QuickProjectMutation);
  const createProject = async (name: string) => {
    const r = (await execute({ variables: { input: { name } } })).data?.createProject;
    if (r && 'data' in r) void result.client.refetchQueries({ include: ['Projects', 'ProjectChoices'] });
    return r;
  };
  return [createProject, result] as const;
}
