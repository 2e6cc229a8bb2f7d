import { useState } from 'react';
import { statusLabel } from '../lib/format.ts';

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge badge-${status.toLowerCase()}`} data-status={status}>
      {status === 'PENDING' && <span className="spinner" aria-hidden="true" />}
      {statusLabel(status)}
    </span>
  );
}

export function Spinner({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" /> {label}
    </p>
  );
}

/** A button that fetches a list's next page: a spinner while it comes, the error beside it if it fails. */
export function LoadMore({ label, load }: { label: string; load: () => Promise<unknown> }) {
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  if (state.busy) return <Spinner label="Loading more…" />;
  return (
    <>
      {state.error && (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      )}
      <button
        type="button"
        className="load-more"
        onClick={() => {
          setState({ busy: true });
          load().then(
            () => setState({ busy: false }),
            (e: unknown) => setState({ busy: false, error: e instanceof Error ? e.message : String(e) }),
          );
        }}
      >
        {label}
      </button>
    </>
  );
}
