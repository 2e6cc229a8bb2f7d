import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { PreviewVideo } from './PreviewVideo.tsx';

export const CatalogCard_avatar = graphql(`
  fragment CatalogCard_avatar on Avatar {
    id
    name
    imageUrl
    videoUrl
    tags {
      id
      slug
      name
    }
  }
`);

/** What "Use in project" copies of a public avatar. */
export interface UsedAvatar {
  id: string;
  name: string;
  imageUrl: string | null | undefined;
}

export function CatalogCard(props: {
  avatar: FragmentType<typeof CatalogCard_avatar>;
  onUse: (avatar: UsedAvatar, trigger: HTMLButtonElement) => void;
}) {
  const avatar = getFragmentData(CatalogCard_avatar, props.avatar);
  return (
    <li
      className="card media-card"
      data-testid="catalog-card"
      // Keyboard users get the preview too: it plays while focus is inside the card.
      onFocus={(e) =>
        void e.currentTarget
          .querySelector('video')
          ?.play()
          .catch(() => {})
      }
      onBlur={(e) => e.currentTarget.querySelector('video')?.pause()}
    >
      <div className="media portrait">
        {avatar.videoUrl ? (
          <PreviewVideo src={avatar.videoUrl} poster={avatar.imageUrl} label={`Avatar ${avatar.name}`} />
        ) : avatar.imageUrl ? (
          <img src={avatar.imageUrl} alt="" />
        ) : null}
      </div>
      <div className="media-body">
        <strong className="name">{avatar.name}</strong>
        <p className="tags">{avatar.tags.map((t) => t.name).join(' · ')}</p>
        <button
          type="button"
          onClick={(e) => props.onUse({ id: avatar.id, name: avatar.name, imageUrl: avatar.imageUrl }, e.currentTarget)}
        >
          Use in project
        </button>
      </div>
    </li>
  );
}
