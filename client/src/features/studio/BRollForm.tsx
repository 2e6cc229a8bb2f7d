import { useState, type SubmitEvent } from 'react';
import { VideoAspectRatio } from '../../gql/graphql.ts';
import { useActionKey } from '../../lib/actionKey.ts';
import { ratioLabel } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/useFormErrors.ts';
import { Field, FormError } from '../../ui/Field.tsx';
import type { Reference } from './AvatarForm.tsx';
import { useCreateBRollMutation } from './mutations/useCreateBRollMutation.ts';

// The schema's formats, the API's default (16:9) and its portrait first; a new format is a compile error here.
const ORDER: Record<VideoAspectRatio, number> = { R16_9: 0, R9_16: 1, R1_1: 2, R4_3: 3, R3_4: 4, R21_9: 5 };
const RATIOS = Object.values(VideoAspectRatio).sort((a, b) => ORDER[a] - ORDER[b]);

export function BRollForm({ projectId, reference }: { projectId: string; reference: Reference }) {
  const [name, setName] = useState('');
  const [prompt, setPrompt] = useState('');
  const [durationSeconds, setDuration] = useState(5);
  const [aspectRatio, setAspectRatio] = useState<VideoAspectRatio>(VideoAspectRatio.R16_9);
  const [fromImage, setFromImage] = useState(false);
  const form = useFormErrors(['name', 'prompt', 'durationSeconds', 'aspectRatio', 'imageId']);
  const { errors } = form;
  const imageId = fromImage && reference ? reference.id : null;
  const [idempotencyKey, renewKey] = useActionKey([projectId, name, prompt, durationSeconds, aspectRatio, imageId]);
  const [create, { loading }] = useCreateBRollMutation();

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const input = { projectId, name, prompt, durationSeconds, aspectRatio, imageId, idempotencyKey };
    if (!(await form.run(() => create(input)))) return;
    setName('');
    setPrompt('');
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
        <div className="two-col tight">
          <Field label="Duration" error={errors.fields.durationSeconds}>
            {(id, d) => (
              <select
                id={id}
                value={durationSeconds}
                onChange={(e) => setDuration(Number(e.target.value))}
                aria-describedby={d}
              >
                <option value={5}>5 s</option>
                <option value={10}>10 s</option>
              </select>
            )}
          </Field>
          <Field label="Format" error={errors.fields.aspectRatio}>
            {(id, d) => (
              <select
                id={id}
                value={aspectRatio}
                onChange={(e) => setAspectRatio(RATIOS.find((r) => r === e.target.value) ?? aspectRatio)}
                aria-describedby={d}
              >
                {RATIOS.map((r) => (
                  <option key={r} value={r}>
                    {ratioLabel(r)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </div>
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
      <FormError message={errors.general} />
      <button type="submit" className="btn-primary" disabled={loading}>
        {loading ? 'Sending…' : 'Create b-roll'}
      </button>
    </form>
  );
}
