import { useEffect, useRef, useState, type ReactNode } from 'react';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { StatusBadge } from '../../ui/Feedback.tsx';
import { DownloadLink } from './DownloadLink.tsx';
import { FailureAndRetry } from './FailureAndRetry.tsx';
import { useRetryBRollMutation } from './mutations/useRetryBRollMutation.ts';
import { PendingProgress } from './PendingProgress.tsx';

export const BRollCard_bRoll = graphql(`
  fragment BRollCard_bRoll on BRoll {
    id
    name
    prompt
    source
    status
    thumbnailUrl
    videoUrl
    downloadUrl
    failureReason
    durationSeconds
    aspectRatio
    createdAt
    variantGroupId
    variantIndex
    variantCount
    progress {
      ...PendingProgress_progress
    }
  }
`);

export function BRollCard(props: {
  bRoll: FragmentType<typeof BRollCard_bRoll>;
  onDelete?: (id: string) => void;
  /** More buttons (a variant's "Keep this one"). */
  actions?: ReactNode;
}) {
  const bRoll = getFragmentData(BRollCard_bRoll, props.bRoll);
  const [playing, setPlaying] = useState(false);
  const [retry, { loading }] = useRetryBRollMutation();
  const playRef = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (playing) playRef.current?.focus();
  }, [playing]);

  return (
    <li
      className="card media-card"
      data-testid="broll-card"
      data-id={bRoll.id}
      data-status={bRoll.status}
      aria-busy={bRoll.status === 'PENDING'}
    >
      <div className="media">
        {playing && bRoll.videoUrl ? (
          <video
            ref={playRef}
            src={bRoll.videoUrl}
            controls
            autoPlay
            muted
            playsInline
            aria-label={`B-roll ${bRoll.name}`}
          />
        ) : bRoll.status === 'SUCCEEDED' && bRoll.thumbnailUrl ? (
          <button
            type="button"
            className="thumb-button"
            onClick={() => setPlaying(true)}
            aria-label={`Play ${bRoll.name}`}
          >
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
        {bRoll.status === 'PENDING' && <PendingProgress id={bRoll.id} progress={bRoll.progress} />}
        <p className="caption" title={bRoll.prompt}>
          {bRoll.prompt}
        </p>
        {bRoll.variantGroupId && (
          <p className="muted">
            Variant {bRoll.variantIndex + 1} of {bRoll.variantCount}
          </p>
        )}
        <FailureAndRetry
          status={bRoll.status}
          reason={bRoll.failureReason}
          loading={loading}
          retry={() => retry(bRoll.id)}
        />
        <DownloadLink url={bRoll.downloadUrl} label={`b-roll ${bRoll.name}`} />
        {props.onDelete && (
          <button
            type="button"
            className="btn-ghost btn-small"
            onClick={() => props.onDelete?.(bRoll.id)}
            aria-label={`Delete b-roll ${bRoll.name}`}
          >
            Delete
          </button>
        )}
        {props.actions}
      </div>
    </li>
  );
}
