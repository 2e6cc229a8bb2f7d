import { useState, type SubmitEvent } from 'react';
import { useFormErrors } from '../../lib/useFormErrors.ts';
import { Field, FormError } from '../../ui/Field.tsx';

/** An inline name editor: the error beside the field, closed on success or Cancel. */
export function RenameForm(props: {
  label: string;
  initial: string;
  save: (name: string) => Promise<{ data: unknown } | object | null | undefined>;
  onDone: () => void;
}) {
  const [name, setName] = useState(props.initial);
  const form = useFormErrors(['name']);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (await form.run(() => props.save(name))) props.onDone();
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <Field label={props.label} error={form.errors.fields.name}>
        {(id, d) => (
          <input
            id={id}
            value={name}
            autoFocus
            onChange={(e) => setName(e.target.value)}
            aria-describedby={d}
            aria-invalid={!!form.errors.fields.name}
          />
        )}
      </Field>
      <button type="submit" className="btn-primary">
        Save
      </button>
      <button type="button" onClick={props.onDone}>
        Cancel
      </button>
      <FormError message={form.errors.general} />
    </form>
  );
}
