import { useState, type SubmitEvent } from 'react';
import type { FragmentType } from '../../../gql';
import { useFormErrors } from '../../../lib/useFormErrors.ts';
import { Field, FormError } from '../../../ui/Field.tsx';
import { ImagePicker } from './ImagePicker.tsx';
import { TagPicker, type TagPicker_category } from './TagPicker.tsx';
import { useCreatePublicAvatarMutation } from '../mutations/useCreatePublicAvatarMutation.ts';

/** A public avatar for the catalog from one of the admin's studio images, with its tags. */
export function NewPublicAvatarForm(props: { categories: readonly FragmentType<typeof TagPicker_category>[] }) {
  const [name, setName] = useState('');
  const [imageId, setImageId] = useState<string | null>(null);
  const [slugs, setSlugs] = useState<string[]>([]);
  const form = useFormErrors(['name', 'imageId', 'tagSlugs']);
  const [create, { loading }] = useCreatePublicAvatarMutation();
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (!imageId) {
      form.set({ fields: { imageId: 'Choose a reference image.' } });
      return;
    }
    if (!(await form.run(() => create({ name, imageId, tagSlugs: slugs })))) return;
    setName('');
    setImageId(null);
    setSlugs([]);
  };
  return (
    <form className="card admin-new-avatar" onSubmit={submit} noValidate aria-labelledby="new-public-avatar-title">
      <h3 id="new-public-avatar-title">New public avatar</h3>
      <Field label="Public avatar name" error={form.errors.fields.name}>
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
      <ImagePicker value={imageId} onChange={setImageId} error={form.errors.fields.imageId} />
      <TagPicker categories={props.categories} value={slugs} onChange={setSlugs} error={form.errors.fields.tagSlugs} />
      <button type="submit" className="btn-primary" disabled={loading}>
        {loading ? 'Publishing…' : 'Publish avatar'}
      </button>
      <FormError message={form.errors.general} />
    </form>
  );
}
