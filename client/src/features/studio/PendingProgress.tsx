import { useEffect, useState } from 'react';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { progressLabel } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/useFormErrors.ts';
import { useCancelGenerationMutation } from './mutations/useCancelGenerationMutation.ts';

export const PendingProgress_progress = graphql(`
  fragment PendingProgress_progress on GenerationProgress {
    queuePosition
    startedAt
    elapsedSeconds
    etaSeconds
    logs
  }
`);

/** Seconds since submission, counted on between two updates from the server. */
function useElapsed(fromServer: number): number {
  const [base, setBase] = useState(fromServer);
  const [extra, setExtra] = useState(0);
  if (base !== fromServer) {
    setBase(fromServer);
    setExtra(0);
  }
  useEffect(() => {
    const timer = setInterval(() => setExtra((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  return base + extra;
}

/** A PENDING generation's place in fal's queue or its time running, its last log line, and its Cancel button. */
export function PendingProgress(props: {
  id: string;
  progress: FragmentType<typeof PendingProgress_progress> | null | undefined;
}) {
  const progress = getFragmentData(PendingProgress_progress, props.progress);
  const elapsed = useElapsed(progress?.elapsedSeconds ?? 0);
  const [cancel, { loading }] = useCancelGenerationMutation();
  const [stopping, setStopping] = useState(false);
  const form = useFormErrors([]);
  const optimistic = props.id.startsWith('optimistic:');
  const usual = progress?.etaSeconds != null ? progress.elapsedSeconds + progress.etaSeconds : null;
  const lastLog = progress?.logs.at(-1);

  const onCancel = () =>
    void form.run(async () => {
      const answer = await cancel(props.id);
      if (answer && 'data' in answer) setStopping(answer.data.answer === 'CANCELLATION_REQUESTED');
      return answer;
    });

  return (
    <div className="pending-progress" data-testid="pending-progress">
      {progress && (
        <p className="progress-line" role="status">
          {stopping ? 'Stopping… it may still finish.' : progressLabel(progress, elapsed, usual)}
        </p>
      )}
      {lastLog && <p className="progress-log">{lastLog}</p>}
      {!optimistic && (
        <button type="button" className="btn-ghost btn-small" onClick={onCancel} disabled={loading || stopping}>
          {loading ? 'Cancelling…' : 'Cancel'}
        </button>
      )}
      {form.errors.general && (
        <p className="failure" role="alert">
          {form.errors.general}
        </p>
      )}
    </div>
  );
}
