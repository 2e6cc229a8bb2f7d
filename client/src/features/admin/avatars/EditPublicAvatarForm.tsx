import { useState, type SubmitEvent } from 'react';
import type { FragmentType } from '../../../gql';
import { useFormErrors } from '../../../lib/useFormErrors.ts';
import { Field, FormError } from '../../../ui/Field.tsx';
import { TagPicker, tagsOf, type TagPicker_category } from './TagPicker.tsx';
import { useUpdatePublicAvatarMutation } from '../mutations/useUpdatePublicAvatarMutation.ts';

/** A public avatar's name and (all of) its tags. */
export function EditPublicAvatarForm(props: {
  id: string;
  name: string;
  tagSlugs: string[];
  categories: readonly FragmentType<typeof TagPicker_category>[];
  onDone: () => void;
}) {
  const [name, setName] = useState(props.name);
  const [slugs, setSlugs] = useState(props.tagSlugs);
  const form = useFormErrors(['name', 'tagSlugs']);
  const [update, { loading }] = useUpdatePublicAvatarMutation();
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (await form.run(() => update(props.id, name, tagsOf(props.categories, slugs)))) props.onDone();
  };
  return (
    <form className="admin-avatar-body" onSubmit={submit} noValidate>
      <Field label="Avatar name" error={form.errors.fields.name}>
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
      <TagPicker categories={props.categories} value={slugs} onChange={setSlugs} error={form.errors.fields.tagSlugs} />
      <div className="actions">
        <button type="submit" className="btn-primary" disabled={loading}>
          Save
        </button>
        <button type="button" onClick={props.onDone}>
          Cancel
        </button>
      </div>
      <FormError message={form.errors.general} />
    </form>
  );
}
