import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql, useFragment, type FragmentType } from '../gql';
import { AvatarFields, BRollFields, ImageFields } from '../lib/fragments.ts';
import { errorOf, formErrors, messageOf, NO_ERRORS, type FormErrors } from '../lib/errors.ts';
import { Field, FormError, StatusBadge } from './ui.tsx';
import { useActionKey } from '../lib/actionKey.ts';

const RetryAvatarMutation = graphql(`
  mutation RetryAvatar($input: RetryAvatarInput!) {
    retryAvatar(input: $input) {
      ... on MutationRetryAvatarSuccess {
        data {
          id
          ...AvatarFields
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

const RetryBRollMutation = graphql(`
  mutation RetryBRoll($input: RetryBRollInput!) {
    retryBRoll(input: $input) {
      ... on MutationRetryBRollSuccess {
        data {
          id
          ...BRollFields
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

export const EditImageMutation = graphql(`
  mutation EditImage($input: EditImageInput!) {
    editImage(input: $input) {
      ... on MutationEditImageSuccess {
        data {
          id
          ...ImageFields
        }
      }
      ...MutationErrorFields
    }
  }
`);

/** A muted looping video that plays inline (autoplay is allowed for muted videos). */
export function LoopVideo({ src, poster, label }: { src: string; poster?: string | null | undefined; label: string }) {
  return <video src={src} poster={poster ?? undefined} muted loop playsInline autoPlay preload="metadata" aria-label={label} />;
}

/**
 * A catalog preview: the poster only (preload="none", nothing downloaded) until the pointer comes
 * onto it (or, from the catalog card, the keyboard focus), then the mute loop plays. 24 autoplaying videos per page would
 * cost a phone dozens of MB.
 */
export function PreviewVideo({ src, poster, label }: { src: string; poster?: string | null | undefined; label: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  const play = () => void ref.current?.play().catch(() => {});
  const pause = () => ref.current?.pause();
  return (
    <div className="preview" onMouseEnter={play} onMouseLeave={pause} onTouchStart={play}>
      <video ref={ref} src={src} poster={poster ?? undefined} muted loop playsInline preload="none" aria-label={label} />
    </div>
  );
}

export function ImageCard(props: {
  image: FragmentType<typeof ImageFields>;
  selected: boolean;
  onSelect: (id: string) => void;
  onEdited: (image: { __typename?: 'Image'; id: string }) => void;
}) {
  const image = useFragment(ImageFields, props.image);
  const [editing, setEditing] = useState(false);
  const [prompt, setPrompt] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [edit, { loading }] = useMutation(EditImageMutation);
  const [idempotencyKey, renewKey] = useActionKey([image.id, prompt]);
  const usable = image.status === 'SUCCEEDED' && !image.nsfw;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors(NO_ERRORS);
    try {
      const r = (await edit({ variables: { input: { imageId: image.id, prompt, idempotencyKey } } })).data?.editImage;
      const err = errorOf(r);
      if (err) return setErrors(formErrors(err, ['prompt', 'strength']));
      if (r && 'data' in r) {
        props.onEdited(r.data);
        setEditing(false);
        setPrompt('');
        renewKey();
      }
    } catch (err) {
      setErrors({ fields: {}, general: messageOf(err) });
    }
  };

  return (
    <li className={`card media-card${props.selected ? ' selected' : ''}`} data-testid="image-card" data-id={image.id} data-status={image.status}>
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
        {image.status === 'FAILED' && (
          <p className="failure" role="alert">
            {image.failureReason ?? 'The generation failed.'}
          </p>
        )}
        {image.nsfw && <p className="failure">Flagged by the generator: it cannot be a reference.</p>}
        <div className="actions">
          <button type="button" aria-pressed={props.selected} disabled={!usable} onClick={() => props.onSelect(image.id)}>
            {props.selected ? 'Reference ✓' : 'Use as reference'}
          </button>
          {image.status === 'SUCCEEDED' && (
            <button type="button" aria-expanded={editing} onClick={() => setEditing((v) => !v)}>
              Edit
            </button>
          )}
        </div>
        {editing && (
          <form onSubmit={submit} noValidate className="stack">
            <Field label="Edit with a prompt" error={errors.fields.prompt}>
              {(id, d) => (
                <input
                  id={id}
                  value={prompt}
                  onChange={(e) => setPrompt(e.target.value)}
                  placeholder="Same person, smiling"
                  aria-describedby={d}
                  aria-invalid={!!errors.fields.prompt}
                  autoFocus
                />
              )}
            </Field>
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

/** A FAILED generation's reason and its Retry button; a refused retry (typed error or thrown) says why beneath. */
function FailureAndRetry(props: { status: string; reason: string | null | undefined; loading: boolean; retry: () => Promise<object | null | undefined> }) {
  const [error, setError] = useState<string>();
  const doRetry = async () => {
    setError(undefined);
    try {
      const err = errorOf(await props.retry());
      if (err) setError(err.message);
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <>
      {props.status === 'FAILED' && (
        <>
          <p className="failure" role="alert" data-testid="failure-reason">
            {props.reason ?? 'The generation failed.'}
          </p>
          <button type="button" onClick={doRetry} disabled={props.loading}>
            {props.loading ? 'Retrying…' : 'Retry'}
          </button>
        </>
      )}
      {error && (
        <p className="failure" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

export function AvatarCard(props: { avatar: FragmentType<typeof AvatarFields>; onDelete?: (id: string) => void }) {
  const avatar = useFragment(AvatarFields, props.avatar);
  const [retry, { loading }] = useMutation(RetryAvatarMutation);
  const optimistic = avatar.id.startsWith('optimistic:');

  return (
    <li className="card media-card" data-testid="avatar-card" data-id={avatar.id} data-status={avatar.status} aria-busy={avatar.status === 'PENDING'}>
      <div className="media portrait">
        {avatar.status === 'SUCCEEDED' && avatar.videoUrl ? (
          <LoopVideo src={avatar.videoUrl} poster={avatar.imageUrl} label={`Avatar ${avatar.name}`} />
        ) : avatar.imageUrl ? (
          <img src={avatar.imageUrl} alt="" className={avatar.status === 'PENDING' ? 'dim' : undefined} />
        ) : (
          <div className="placeholder" aria-hidden="true" />
        )}
      </div>
      <div className="media-body">
        <strong className="name">{avatar.name}</strong>
        <StatusBadge status={avatar.status} />
        <FailureAndRetry
          status={avatar.status}
          reason={avatar.failureReason}
          loading={loading}
          retry={async () => (await retry({ variables: { input: { id: avatar.id } } })).data?.retryAvatar}
        />
        {props.onDelete && !optimistic && (
          <button type="button" className="btn-ghost btn-small" onClick={() => props.onDelete?.(avatar.id)} aria-label={`Delete avatar ${avatar.name}`}>
            Delete
          </button>
        )}
      </div>
    </li>
  );
}

export function BRollCard(props: { bRoll: FragmentType<typeof BRollFields>; onDelete?: (id: string) => void }) {
  const bRoll = useFragment(BRollFields, props.bRoll);
  const [playing, setPlaying] = useState(false);
  const [retry, { loading }] = useMutation(RetryBRollMutation);
  const playRef = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (playing) playRef.current?.focus();
  }, [playing]);

  return (
    <li className="card media-card" data-testid="broll-card" data-id={bRoll.id} data-status={bRoll.status} aria-busy={bRoll.status === 'PENDING'}>
      <div className="media">
        {playing && bRoll.videoUrl ? (
          <video ref={playRef} src={bRoll.videoUrl} controls autoPlay muted playsInline aria-label={`B-roll ${bRoll.name}`} />
        ) : bRoll.status === 'SUCCEEDED' && bRoll.thumbnailUrl ? (
          <button type="button" className="thumb-button" onClick={() => setPlaying(true)} aria-label={`Play ${bRoll.name}`}>
            <img src={bRoll.thumbnailUrl} alt="" loading="lazy" />
            <span className="play" aria-hidden="true">
              ▶
            </span>
          </button>
        ) : (
          <div className="placeholder" aria-hidden="true" />
        )}
      </div>
      <div className="media-body">
        <strong className="name">{bRoll.name}</strong>
        <StatusBadge status={bRoll.status} />
        <p className="caption" title={bRoll.prompt}>
          {bRoll.prompt}
        </p>
        <FailureAndRetry
          status={bRoll.status}
          reason={bRoll.failureReason}
          loading={loading}
          retry={async () => (await retry({ variables: { input: { id: bRoll.id } } })).data?.retryBRoll}
        />
        {props.onDelete && (
          <button type="button" className="btn-ghost btn-small" onClick={() => props.onDelete?.(bRoll.id)} aria-label={`Delete b-roll ${bRoll.name}`}>
            Delete
          </button>
        )}
      </div>
    </li>
  );
}
