import { useFormErrors } from '../../lib/useFormErrors.ts';

/**
 * A FAILED generation's reason and its Retry button (a CANCELLED one's Retry only); a refused retry (typed
 * error or thrown) says why beneath.
 */
export function FailureAndRetry(props: {
  status: string;
  reason: string | null | undefined;
  loading: boolean;
  retry: () => Promise<object | null | undefined>;
}) {
  const form = useFormErrors([]);
  const error = form.errors.general;
  return (
    <>
      {(props.status === 'FAILED' || props.status === 'CANCELLED') && (
        <>
          {props.status === 'FAILED' && (
            <p className="failure" role="alert" data-testid="failure-reason">
              {props.reason ?? 'The generation failed.'}
            </p>
          )}
          <button type="button" onClick={() => void form.run(props.retry)} disabled={props.loading}>
            {props.loading ? 'Retrying…' : 'Retry'}
          </button>
        </>
      )}
      {error && (
        <p className="failure" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
