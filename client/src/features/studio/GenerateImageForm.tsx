import { useState, type SubmitEvent } from 'react';
import { GenerationKind, ImageAspectRatio, VideoAspectRatio } from '../../gql/graphql.ts';
import { useActionKey } from '../../lib/actionKey.ts';
import { ratioLabel } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/useFormErrors.ts';
import { Field, FormError } from '../../ui/Field.tsx';
import { PriceTag } from '../pricing/PriceTag.tsx';
import { useGenerateImageMutation } from './mutations/useGenerateImageMutation.ts';
import { VariantsField } from './VariantsField.tsx';

const RATIOS = Object.values(ImageAspectRatio);

export function GenerateImageForm({ projectId }: { projectId: string }) {
  const [prompt, setPrompt] = useState('');
  const [aspectRatio, setAspectRatio] = useState<ImageAspectRatio>(ImageAspectRatio.R3_4);
  const [count, setCount] = useState(1);
  const form = useFormErrors(['prompt', 'aspectRatio', 'count']);
  const { errors } = form;
  const [idempotencyKey, renewKey] = useActionKey([projectId, prompt, aspectRatio, count]);
  const [generate, { loading }] = useGenerateImageMutation();

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const sent = prompt;
    if (!(await form.run(() => generate({ projectId, prompt: sent, aspectRatio, count, idempotencyKey })))) return;
    // Cleared only if unchanged: a prompt typed while this one was on its way stays.
    setPrompt((now) => (now === sent ? '' : now));
    renewKey();
  };

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-label="Generate an image">
      <h3>Generate</h3>
      <Field label="Prompt" error={errors.fields.prompt}>
        {(id, d) => (
          <textarea
            id={id}
            name="prompt"
            rows={3}
            value={prompt}
            onChange={(e) => setPrompt(e.target.value)}
            placeholder="Portrait of a smiling nurse, studio light"
            aria-describedby={d}
            aria-invalid={!!errors.fields.prompt}
          />
        )}
      </Field>
      <Field label="Aspect ratio" error={errors.fields.aspectRatio}>
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
      <VariantsField value={count} onChange={setCount} error={errors.fields.count} />
      <PriceTag
        input={{
          kind: GenerationKind.TextToImage,
          count,
          // The quote names formats as videos do; every FLUX format is one of them.
          aspectRatio: Object.values(VideoAspectRatio).find((r) => r === aspectRatio) ?? null,
        }}
      />
      <FormError message={errors.general} />
      <button type="submit" className="btn-primary" disabled={loading}>
        {loading ? 'Sending…' : 'Generate image'}
      </button>
    </form>
  );
}
