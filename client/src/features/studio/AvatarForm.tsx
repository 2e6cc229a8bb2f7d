import { useState, type SubmitEvent } from 'react';
import { GenerationKind, VideoQuality } from '../../gql/graphql.ts';
import { useActionKey } from '../../lib/actionKey.ts';
import { useFormErrors } from '../../lib/useFormErrors.ts';
import { Field, FormError } from '../../ui/Field.tsx';
import { PriceTag } from '../pricing/PriceTag.tsx';
import { useCreateAvatarMutation } from './mutations/useCreateAvatarMutation.ts';
import { VideoFields, type VideoFormat } from './VideoFields.tsx';

const DEFAULT_FORMAT: VideoFormat = { durationSeconds: 5, aspectRatio: null, quality: VideoQuality.Standard };

/** The image picked as the reference of the next avatar (and b-roll from an image). */
export type Reference = { id: string; imageUrl?: string | null } | undefined;

export function AvatarForm(props: { projectId: string; reference: Reference; initialName?: string | undefined }) {
  const { projectId, reference } = props;
  const [name, setName] = useState(props.initialName ?? '');
  const [format, setFormat] = useState(DEFAULT_FORMAT);
  const form = useFormErrors(['name', 'imageId', 'durationSeconds', 'aspectRatio', 'quality']);
  const { errors } = form;
  const [create, { loading }] = useCreateAvatarMutation();
  const { durationSeconds, aspectRatio, quality } = format;
  const [key, renewKey] = useActionKey([projectId, name, reference?.id, durationSeconds, aspectRatio, quality]);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (!reference) {
      form.set({ fields: { imageId: 'Pick a reference image above first.' } });
      return;
    }
    const input = {
      projectId,
      name,
      imageId: reference.id,
      durationSeconds,
      aspectRatio,
      quality,
      idempotencyKey: key,
    };
    if (!(await form.run(() => create(input, reference.imageUrl)))) return;
    // A name typed while this one was on its way is the next avatar's: keep it.
    setName((now) => (now === input.name ? '' : now));
    renewKey();
  };

  return (
    <form className="card avatar-form" onSubmit={submit} noValidate aria-label="Create an avatar">
      <div className="ref-preview">
        {reference?.imageUrl ? (
          <img src={reference.imageUrl} alt="Selected reference" />
        ) : (
          <div className="placeholder small" aria-hidden="true" />
        )}
      </div>
      <div className="stack grow">
        <Field label="Avatar name" error={errors.fields.name}>
          {(id, d) => (
            <input
              id={id}
              name="avatar-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="Claire, nurse"
              aria-describedby={d}
              aria-invalid={!!errors.fields.name}
            />
          )}
        </Field>
        {errors.fields.imageId ? (
          <p className="field-error" role="alert">
            {errors.fields.imageId}
          </p>
        ) : (
          <p className="muted">{reference ? 'Reference selected.' : 'Pick a reference image above.'}</p>
        )}
        <VideoFields value={format} onChange={setFormat} errors={errors.fields} referenceRatio />
        <PriceTag input={{ kind: GenerationKind.Avatar, durationSeconds, aspectRatio, quality }} />
        <FormError message={errors.general} />
        <button type="submit" className="btn-primary" disabled={loading}>
          Create avatar
        </button>
      </div>
    </form>
  );
}
