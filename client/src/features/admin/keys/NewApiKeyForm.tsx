import { useState, type SubmitEvent } from 'react';
import { useFormErrors } from '../../../lib/useFormErrors.ts';
import { Field, FormError } from '../../../ui/Field.tsx';
import { useCreateApiKeyMutation } from '../mutations/useCreateApiKeyMutation.ts';

/** A new partner key; its secret is shown here once (the server keeps only its hash). */
export function NewApiKeyForm() {
  const [name, setName] = useState('');
  const [secret, setSecret] = useState<{ name: string; key: string }>();
  const form = useFormErrors(['name']);
  const [create, { loading }] = useCreateApiKeyMutation();
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const ok = await form.run(() => create(name));
    if (!ok) return;
    setSecret({ name: name.trim(), key: ok.data.key });
    setName('');
  };
  return (
    <div className="card">
      <form className="inline-form" onSubmit={submit} noValidate>
        <Field label="New key for" error={form.errors.fields.name} hint="The partner's name, e.g. Agence X.">
          {(id, d) => (
            <input
              id={id}
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-describedby={d}
              aria-invalid={!!form.errors.fields.name}
            />
          )}
        </Field>
        <button type="submit" className="btn-primary" disabled={loading}>
          Create key
        </button>
        <FormError message={form.errors.general} />
      </form>
      {secret && (
        <div className="secret" role="status">
          <p>
            The key for <strong>{secret.name}</strong>, shown this once: copy it now.
          </p>
          <code data-testid="new-api-key">{secret.key}</code>{' '}
          <button type="button" className="btn-small" onClick={() => void navigator.clipboard.writeText(secret.key)}>
            Copy
          </button>{' '}
          <button type="button" className="btn-small btn-ghost" onClick={() => setSecret(undefined)}>
            Done
          </button>
        </div>
      )}
    </div>
  );
}
