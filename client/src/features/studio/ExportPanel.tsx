import { useState } from 'react';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { formatBytes } from '../../lib/format.ts';
import { FormError } from '../../ui/Field.tsx';
import { StatusBadge } from '../../ui/Feedback.tsx';
import { useExportProjectMutation } from './mutations/useExportProjectMutation.ts';

export const ExportPanel_export = graphql(`
  fragment ExportPanel_export on ProjectExport {
    id
    status
    url
    failureReason
    itemCount
    byteSize
    expiresAt
    createdAt
  }
`);

/** "Export project": a ZIP of the finished media and a manifest, built on the server; its link once ready. */
export function ExportPanel(props: {
  projectId: string;
  latest: FragmentType<typeof ExportPanel_export> | null | undefined;
}) {
  const latest = getFragmentData(ExportPanel_export, props.latest);
  const [start, { loading }] = useExportProjectMutation(props.projectId);
  const [error, setError] = useState<string | undefined>();
  const pending = latest?.status === 'PENDING';

  const run = async () => {
    setError(undefined);
    try {
      const r = await start();
      if (r && r.__typename !== 'MutationExportProjectSuccess') setError(r.message);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section aria-labelledby="export-title" className="panel" data-testid="export-panel">
      <h2 id="export-title">Export</h2>
      <div className="actions">
        <button type="button" onClick={() => void run()} disabled={loading || pending}>
          {pending ? 'Building the ZIP…' : 'Export project'}
        </button>
        {latest && <StatusBadge status={latest.status} />}
        {latest?.status === 'SUCCEEDED' && latest.url && (
          <a className="download-link" href={latest.url} download data-testid="export-link">
            Download ZIP ({latest.itemCount ?? 0} files, {formatBytes(latest.byteSize ?? 0)})
          </a>
        )}
      </div>
      {latest?.status === 'SUCCEEDED' && latest.expiresAt && (
        <p className="caption">Available until {new Date(latest.expiresAt).toLocaleString()}.</p>
      )}
      {latest?.status === 'FAILED' && (
        <p className="failure" role="alert">
          {latest.failureReason ?? 'The export failed.'}
        </p>
      )}
      <FormError message={error} />
    </section>
  );
}
