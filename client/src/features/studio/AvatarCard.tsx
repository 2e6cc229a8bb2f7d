import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { StatusBadge } from '../../ui/Feedback.tsx';
import { DownloadLink } from './DownloadLink.tsx';
import { FailureAndRetry } from './FailureAndRetry.tsx';
import { useRetryAvatarMutation } from './mutations/useRetryAvatarMutation.ts';
import { PendingProgress } from './PendingProgress.tsx';

export const AvatarCard_avatar = graphql(`
  fragment AvatarCard_avatar on Avatar {
    id
    name
    status
    imageUrl
    videoUrl
    downloadUrl
    failureReason
    aspectRatio
    durationSeconds
    quality
    createdAt
    project {
      __typename
      id
    }
    progress {
      ...PendingProgress_progress
    }
  }
`);

/** "9:16 · 5 s · Fast": what the avatar was made as (no format: the reference's proportions). */
export function formatLine(a: {
  aspectRatio?: string | null;
  durationSeconds?: number | null;
  quality?: string | null;
}) {
  const parts = [a.aspectRatio ?? 'As the reference', a.durationSeconds ? `${a.durationSeconds} s` : null];
  if (a.quality === 'FAST') parts.push('Fast');
  return parts.filter(Boolean).join(' · ');
}

/** A muted looping video that plays inline (autoplay is allowed for muted videos). */
export function LoopVideo({ src, poster, label }: { src: string; poster?: string | null | undefined; label: string }) {
  return (
    <video
      src={src}
      poster={poster ?? undefined}
      muted
      loop
      playsInline
      autoPlay
      preload="metadata"
      aria-label={label}
    />
  );
}

/**
 * An avatar of the project `projectId`. One made elsewhere and added here (addAvatarToProject) says where it
 * comes from and is removed from the project (`onRemove`) rather than deleted.
 */
export function AvatarCard(props: {
  avatar: FragmentType<typeof AvatarCard_avatar>;
  projectId?: string;
  onDelete?: (id: string) => void;
  onRemove?: (id: string) => void;
}) {
  const avatar = getFragmentData(AvatarCard_avatar, props.avatar);
  const linked = !!props.projectId && avatar.project?.id !== props.projectId;
  const [retry, { loading }] = useRetryAvatarMutation();
  const optimistic = avatar.id.startsWith('optimistic:');

  return (
    <li
      className="card media-card"
      data-testid="avatar-card"
      data-id={avatar.id}
      data-status={avatar.status}
      aria-busy={avatar.status === 'PENDING'}
    >
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
        <small className="muted" data-testid="avatar-format">
          {formatLine(avatar)}
        </small>
        <StatusBadge status={avatar.status} />
        {avatar.status === 'PENDING' && <PendingProgress id={avatar.id} progress={avatar.progress} />}
        <FailureAndRetry
          status={avatar.status}
          reason={avatar.failureReason}
          loading={loading}
          retry={() => retry(avatar.id)}
        />
        <DownloadLink url={avatar.downloadUrl} label={`avatar ${avatar.name}`} />
        {linked && <p className="muted">{avatar.project ? 'Added from another project' : 'Added from the catalog'}</p>}
        {linked && props.onRemove && (
          <button
            type="button"
            className="btn-ghost btn-small"
            onClick={() => props.onRemove?.(avatar.id)}
            aria-label={`Remove avatar ${avatar.name} from this project`}
          >
            Remove from project
          </button>
        )}
        {!linked && props.onDelete && !optimistic && (
          <button
            type="button"
            className="btn-ghost btn-small"
            onClick={() => props.onDelete?.(avatar.id)}
            aria-label={`Delete avatar ${avatar.name}`}
          >
            Delete
          </button>
        )}
      </div>
    </li>
  );
}
