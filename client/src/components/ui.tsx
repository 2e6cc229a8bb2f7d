import { useId, useState, type AnchorHTMLAttributes, type ReactNode } from 'react';
import { hrefOf, navigate, type Route } from '../lib/router.ts';
import { statusLabel } from '../lib/format.ts';

/** A labelled control with its error beside it (aria-describedby, aria-invalid). */
export function Field(props: {
  label: string;
  error?: string | undefined;
  hint?: string;
  children: (id: string, describedBy: string | undefined) => ReactNode;
}) {
  const id = useId();
  const errId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [props.error ? errId : '', props.hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${props.error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.children(id, describedBy)}
      {props.hint && (
        <small id={hintId} className="hint">
          {props.hint}
        </small>
      )}
      {props.error && (
        <small id={errId} className="field-error" role="alert">
          {props.error}
        </small>
      )}
    </div>
  );
}

export function FormError({ message }: { message?: string | undefined }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}

export function Link({ to, children, ...rest }: { to: Route } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const href = hrefOf(to);
  return (
    <a
      {...rest}
      href={href}
      onClick={(e) => {
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}

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
