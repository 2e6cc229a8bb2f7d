import { useState } from 'react';
import { getFragmentData, graphql, type FragmentType } from '../../../gql';
import { GenerationStatus } from '../../../gql/graphql.ts';
import { StatusBadge } from '../../../ui/Feedback.tsx';
import { confirmAction } from '../confirmAction.ts';
import { AvatarUpdatedSubscriber } from './AvatarUpdatedSubscriber.tsx';
import { EditPublicAvatarForm } from './EditPublicAvatarForm.tsx';
import type { TagPicker_category } from './TagPicker.tsx';
import { useDeletePublicAvatarMutation } from '../mutations/useDeletePublicAvatarMutation.ts';
import { EditDeleteButtons } from '../RowActions.tsx';

export const PublicAvatarRow_avatar = graphql(`
  fragment PublicAvatarRow_avatar on Avatar {
    id
    name
    status
    failureReason
    imageUrl
    videoUrl
    createdAt
    tags {
      id
      slug
      name
    }
  }
`);

/** One public avatar: its status (followed live while PENDING), preview and tags; edit, delete. */
export function PublicAvatarRow(props: {
  avatar: FragmentType<typeof PublicAvatarRow_avatar>;
  categories: readonly FragmentType<typeof TagPicker_category>[];
}) {
  const avatar = getFragmentData(PublicAvatarRow_avatar, props.avatar);
  const [editing, setEditing] = useState(false);
  const [remove, { loading: deleting }] = useDeletePublicAvatarMutation();
  const doDelete = () =>
    confirmAction(`Delete the public avatar “${avatar.name}”? It leaves the catalog for everyone.`, () =>
      remove(avatar.id),
    );

  return (
    <li className="card admin-avatar" data-testid="admin-avatar" data-id={avatar.id} data-status={avatar.status}>
      {avatar.status === GenerationStatus.Pending && <AvatarUpdatedSubscriber id={avatar.id} />}
      <div className="admin-avatar-media">
        {avatar.videoUrl ? (
          <video src={avatar.videoUrl} poster={avatar.imageUrl ?? undefined} muted loop playsInline preload="none" />
        ) : avatar.imageUrl ? (
          <img src={avatar.imageUrl} alt="" loading="lazy" />
        ) : null}
      </div>
      {editing ? (
        <EditPublicAvatarForm
          id={avatar.id}
          name={avatar.name}
          tagSlugs={avatar.tags.map((t) => t.slug)}
          categories={props.categories}
          onDone={() => setEditing(false)}
        />
      ) : (
        <div className="admin-avatar-body">
          <h3>{avatar.name}</h3>
          <StatusBadge status={avatar.status} />
          {avatar.failureReason && <p className="failure">{avatar.failureReason}</p>}
          <p className="muted">{avatar.tags.map((t) => t.name).join(', ') || 'No tag'}</p>
          <div className="actions">
            <EditDeleteButtons
              name={avatar.name}
              edit="Edit"
              onEdit={() => setEditing(true)}
              onDelete={doDelete}
              deleting={deleting}
            />
          </div>
        </div>
      )}
    </li>
  );
}
