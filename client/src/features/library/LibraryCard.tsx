import { Link } from 'react-router';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { studioHref } from '../../app/paths.ts';
import { StatusBadge } from '../../ui/Feedback.tsx';
import { LoopVideo } from '../studio/AvatarCard.tsx';

export const LibraryCard_avatar = graphql(`
  fragment LibraryCard_avatar on Avatar {
    id
    name
    status
    imageUrl
    videoUrl
    project {
      id
      name
    }
  }
`);

/** One of the user's avatars in the library: where it was made, and "Add to project" once it is finished. */
export function LibraryCard(props: {
  avatar: FragmentType<typeof LibraryCard_avatar>;
  onAdd: (avatar: { id: string; name: string }) => void;
}) {
  const avatar = getFragmentData(LibraryCard_avatar, props.avatar);
  return (
    <li className="card media-card" data-testid="library-card" data-id={avatar.id} data-status={avatar.status}>
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
        {avatar.project && (
          <p className="muted">
            Made in <Link to={studioHref(avatar.project.id)}>{avatar.project.name}</Link>
          </p>
        )}
        <button
          type="button"
          onClick={() => props.onAdd({ id: avatar.id, name: avatar.name })}
          disabled={avatar.status !== 'SUCCEEDED'}
          title={avatar.status === 'SUCCEEDED' ? undefined : 'Only a finished avatar can be added to a project.'}
          aria-label={`Add ${avatar.name} to a project`}
        >
          Add to project
        </button>
      </div>
    </li>
  );
}
