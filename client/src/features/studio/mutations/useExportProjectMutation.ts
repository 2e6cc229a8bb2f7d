import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { showExport } from '../exportCache.ts';

const ExportProjectMutation = graphql(`
  mutation ExportProject($input: ExportProjectInput!) {
    exportProject(input: $input) {
      __typename
      ... on MutationExportProjectSuccess {
        data {
          id
          ...ExportPanel_export
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

/** Starts (or rejoins) the project's export; it becomes the studio's latest export, and projectUpdated finishes it. */
export function useExportProjectMutation(projectId: string) {
  const [execute, result] = useMutation(ExportProjectMutation, {
    update(cache, { data }) {
      const r = data?.exportProject;
      if (r?.__typename === 'MutationExportProjectSuccess') showExport(cache, projectId, r.data.id, r.data.id);
    },
  });
  const exportProject = async () => (await execute({ variables: { input: { projectId } } })).data?.exportProject;
  return [exportProject, result] as const;
}
