import { useState, type SubmitEvent } from 'react';
import { GenerationKind, VideoAspectRatio, VideoQuality } from '../../gql/graphql.ts';
import { useActionKey } from '../../lib/actionKey.ts';
import { useFormErrors } from '../../lib/useFormErrors.ts';
import { Field, FormError } from '../../ui/Field.tsx';
import { PriceTag } from '../pricing/PriceTag.tsx';
import type { Reference } from './AvatarForm.tsx';
import { useCreateBRollMutation } from './mutations/useCreateBRollMutation.ts';
import { VariantsField } from './VariantsField.tsx';
import { VideoFields, type VideoFormat } from './VideoFields.tsx';

const DEFAULT_FORMAT = { durationSeconds: 5, aspectRatio: VideoAspectRatio.R16_9, quality: VideoQuality.Standard };

export function BRollForm({ projectId, reference }: { projectId: string; reference: Reference }) {
  const [name, setName] = useState('');
  const [prompt, setPrompt] = useState('');
  const [format, setFormat] = useState<VideoFormat>(DEFAULT_FORMAT);
  const [fromImage, setFromImage] = useState(false);
  const [count, setCount] = useState(1);
  const form = useFormErrors(['name', 'prompt', 'durationSeconds', 'aspectRatio', 'quality', 'imageId', 'count']);
  const { errors } = form;
  const imageId = fromImage && reference ? reference.id : null;
  const { durationSeconds, aspectRatio, quality } = format;
  const [idempotencyKey, renewKey] = useActionKey([
    projectId,
    name,
    prompt,
    durationSeconds,
    aspectRatio,
    quality,
    imageId,
    count,
  ]);
  const kind = imageId ? GenerationKind.ImageToVideo : GenerationKind.TextToVideo;
  const [create, { loading }] = useCreateBRollMutation();

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const input = { projectId, name, prompt, durationSeconds, aspectRatio, quality, imageId, count, idempotencyKey };
    if (!(await form.run(() => create(input)))) return;
    // What was typed while this request was on its way is the next b-roll's: keep it.
    setName((now) => (now === input.name ? '' : now));
    setPrompt((now) => (now === input.prompt ? '' : now));
    renewKey();
  };

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-label="Create a b-roll">
      <div className="two-col">
        <Field label="B-roll name" error={errors.fields.name}>
          {(id, d) => (
            <input
              id={id}
              name="broll-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-describedby={d}
              aria-invalid={!!errors.fields.name}
            />
          )}
        </Field>
      </div>
      <VideoFields value={format} onChange={setFormat} errors={errors.fields} />
      <Field label="What happens in the clip" error={errors.fields.prompt}>
        {(id, d) => (
          <textarea
            id={id}
            name="broll-prompt"
            rows={2}
            value={prompt}
            onChange={(e) => setPrompt(e.target.value)}
            placeholder="Slow pan over a sunny pharmacy counter"
            aria-describedby={d}
            aria-invalid={!!errors.fields.prompt}
          />
        )}
      </Field>
      <label className="check">
        <input
          type="checkbox"
          checked={fromImage}
          disabled={!reference}
          onChange={(e) => setFromImage(e.target.checked)}
        />{' '}
        Animate the selected reference image
      </label>
      {errors.fields.imageId && (
        <p className="field-error" role="alert">
          {errors.fields.imageId}
        </p>
      )}
      <VariantsField value={count} onChange={setCount} error={errors.fields.count} />
      <PriceTag input={{ kind, durationSeconds, aspectRatio, quality, count }} />
      <FormError message={errors.general} />
      <button type="submit" className="btn-primary" disabled={loading}>
        {loading ? 'Sending…' : 'Create b-roll'}
      </button>
    </form>
  );
}
