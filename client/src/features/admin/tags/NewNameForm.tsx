import { useState, type SubmitEvent } from 'react';
import { useFormErrors } from '../../../lib/useFormErrors.ts';
import { Field, FormError } from '../../../ui/Field.tsx';

/** A name and an optional slug (made from the name when empty), for a new category or tag. */
export function NewNameForm(props: {
  label: string;
  button: string;
  create: (input: { name: string; slug: string | null }) => Promise<{ data: unknown } | object | null | undefined>;
}) {
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormErrors(['name', 'slug']);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    const ok = await form.run(() => props.create({ name, slug: slug.trim() || null }));
    setBusy(false);
    if (!ok) return;
    setName('');
    setSlug('');
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <Field label={props.label} error={form.errors.fields.name}>
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
      <Field label={`${props.label} slug (optional)`} error={form.errors.fields.slug}>
        {(id, d) => (
          <input
            id={id}
            value={slug}
            placeholder="from the name"
            onChange={(e) => setSlug(e.target.value)}
            aria-describedby={d}
            aria-invalid={!!form.errors.fields.slug}
          />
        )}
      </Field>
      <button type="submit" className="btn-primary" disabled={busy}>
        {props.button}
      </button>
      <FormError message={form.errors.general} />
    </form>
  );
}
