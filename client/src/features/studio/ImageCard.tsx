import { useState, type ReactNode, type SubmitEvent } from 'react';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { GenerationKind, ImageEditMode } from '../../gql/graphql.ts';
import { useActionKey } from '../../lib/actionKey.ts';
import { useFormErrors } from '../../lib/useFormErrors.ts';
import { Field, FormError } from '../../ui/Field.tsx';
import { StatusBadge } from '../../ui/Feedback.tsx';
import { PriceTag } from '../pricing/PriceTag.tsx';
import { DownloadLink } from './DownloadLink.tsx';
import { useEditImageMutation } from './mutations/useEditImageMutation.ts';
import { PendingProgress } from './PendingProgress.tsx';

export const ImageCard_image = graphql(`
  fragment ImageCard_image on Image {
    id
    status
    source
    prompt
    imageUrl
    downloadUrl
    failureReason
    nsfw
    width
    height
    createdAt
    variantGroupId
    variantIndex
    variantCount
    progress {
      ...PendingProgress_progress
    }
  }
`);

export function ImageCard(props: {
  projectId: string;
  image: FragmentType<typeof ImageCard_image>;
  selected: boolean;
  onSelect: (id: string) => void;
  /** More buttons (a variant's "Keep this one"). */
  actions?: ReactNode;
}) {
  const image = getFragmentData(ImageCard_image, props.image);
  const [editing, setEditing] = useState(false);
  const [prompt, setPrompt] = useState('');
  const [mode, setMode] = useState<ImageEditMode>(ImageEditMode.Strength);
  const form = useFormErrors(['prompt', 'strength', 'mode']);
  const { errors } = form;
  const [edit, { loading }] = useEditImageMutation(props.projectId);
  const [idempotencyKey, renewKey] = useActionKey([image.id, prompt, mode]);
  const instruction = mode === ImageEditMode.Instruction;
  const usable = image.status === 'SUCCEEDED' && !image.nsfw;

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (!(await form.run(() => edit({ imageId: image.id, prompt, mode, idempotencyKey })))) return;
    setEditing(false);
    setPrompt('');
    renewKey();
  };

  return (
    <li
      className={`card media-card${props.selected ? ' selected' : ''}`}
      data-testid="image-card"
      data-id={image.id}
      data-status={image.status}
    >
      <div className="media">
        {image.status === 'SUCCEEDED' && image.imageUrl ? (
          <img src={image.imageUrl} alt={image.prompt ?? 'Uploaded image'} loading="lazy" />
        ) : (
          <div className="placeholder" aria-hidden="true" />
        )}
      </div>
      <div className="media-body">
        <StatusBadge status={image.status} />
        <p className="caption" title={image.prompt ?? undefined}>
          {image.source === 'UPLOAD' ? 'Uploaded' : image.prompt}
        </p>
        {image.variantGroupId && (
          <p className="muted">
            Variant {image.variantIndex + 1} of {image.variantCount}
          </p>
        )}
        {image.status === 'PENDING' && <PendingProgress id={image.id} progress={image.progress} />}
        {image.status === 'FAILED' && (
          <p className="failure" role="alert">
            {image.failureReason ?? 'The generation failed.'}
          </p>
        )}
        {image.nsfw && <p className="failure">Flagged by the generator: it cannot be a reference.</p>}
        <div className="actions">
          <button
            type="button"
            aria-pressed={props.selected}
            disabled={!usable}
            onClick={() => props.onSelect(image.id)}
          >
            {props.selected ? 'Reference ✓' : 'Use as reference'}
          </button>
          {image.status === 'SUCCEEDED' && (
            <button type="button" aria-expanded={editing} onClick={() => setEditing((v) => !v)}>
              Edit
            </button>
          )}
          <DownloadLink url={image.downloadUrl} label={`image ${image.prompt ?? ''}`.trim()} />
          {props.actions}
        </div>
        {editing && (
          <form onSubmit={submit} noValidate className="stack">
            <Field label="Kind of edit" error={errors.fields.mode}>
              {(id, d) => (
                <select
                  id={id}
                  value={mode}
                  onChange={(e) =>
                    setMode(e.target.value === 'INSTRUCTION' ? ImageEditMode.Instruction : ImageEditMode.Strength)
                  }
                  aria-describedby={d}
                >
                  <option value={ImageEditMode.Strength}>Describe the result (FLUX dev)</option>
                  <option value={ImageEditMode.Instruction}>Give an instruction (FLUX Kontext)</option>
                </select>
              )}
            </Field>
            <Field label="Edit with a prompt" error={errors.fields.prompt}>
              {(id, d) => (
                <input
                  id={id}
                  value={prompt}
                  onChange={(e) => setPrompt(e.target.value)}
                  placeholder={instruction ? 'Make the coat red' : 'Same person, smiling'}
                  aria-describedby={d}
                  aria-invalid={!!errors.fields.prompt}
                  autoFocus
                />
              )}
            </Field>
            <PriceTag
              input={
                instruction
                  ? { kind: GenerationKind.InstructionEdit }
                  : { kind: GenerationKind.ImageToImage, imageId: image.id }
              }
            />
            <FormError message={errors.general} />
            <button type="submit" className="btn-primary" disabled={loading}>
              {loading ? 'Sending…' : 'Edit image'}
            </button>
          </form>
        )}
      </div>
    </li>
  );
}
