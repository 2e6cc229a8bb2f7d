import { useState, type ReactNode } from 'react';

/** The variants of one request side by side, in one item of the list. */
export function VariantRow(props: { count: number; children: ReactNode }) {
  return (
    <li className="variant-row" data-testid="variant-row">
      <p className="muted">{props.count} variants: keep the one you like, the others are deleted.</p>
      <ul className="variants" aria-label="Variants">
        {props.children}
      </ul>
    </li>
  );
}

/** "Keep this one" on a final variant; `keep` answers an error message, or null once kept. */
export function KeepVariantButton(props: { ready: boolean; label: string; keep: () => Promise<string | null> }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    setError(await props.keep());
    setBusy(false);
  };
  return (
    <>
      <button
        type="button"
        className="btn-primary btn-small"
        disabled={!props.ready || busy}
        title={props.ready ? undefined : 'Every variant must be finished first.'}
        aria-label={`Keep this one: ${props.label}`}
        onClick={() => void onClick()}
      >
        Keep this one
      </button>
      {error && (
        <p className="failure" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
