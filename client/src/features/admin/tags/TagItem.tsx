import { useState } from 'react';
import { getFragmentData, graphql, type FragmentType } from '../../../gql';
import { RenameForm } from '../RenameForm.tsx';
import { EditDeleteButtons } from '../RowActions.tsx';
import { confirmAction } from '../confirmAction.ts';
import { MoveButtons } from './MoveButtons.tsx';
import { useRenameTagMutation } from '../mutations/useRenameTagMutation.ts';
import { useDeleteTagMutation } from '../mutations/useDeleteTagMutation.ts';

export const TagItem_tag = graphql(`
  fragment TagItem_tag on Tag {
    id
    name
    slug
    position
    avatarCount
  }
`);

const avatars = (n: number) => `${n} avatar${n === 1 ? '' : 's'}`;

/** One tag: its name, slug and count of ready public avatars; rename, move, delete. */
export function TagItem(props: {
  tag: FragmentType<typeof TagItem_tag>;
  categoryId: string;
  onMove: (by: -1 | 1) => void;
  first: boolean;
  last: boolean;
}) {
  const tag = getFragmentData(TagItem_tag, props.tag);
  const [editing, setEditing] = useState(false);
  const [rename] = useRenameTagMutation();
  const [remove, { loading: deleting }] = useDeleteTagMutation(props.categoryId);
  const doDelete = () =>
    confirmAction(
      tag.avatarCount
        ? `Delete the tag “${tag.name}”? ${avatars(tag.avatarCount)} lose it.`
        : `Delete the tag “${tag.name}”?`,
      () => remove(tag.id),
    );

  return (
    <li className="admin-row" data-testid="admin-tag" data-slug={tag.slug}>
      {editing ? (
        <RenameForm
          label="Tag name"
          initial={tag.name}
          save={(n) => rename(tag.id, n)}
          onDone={() => setEditing(false)}
        />
      ) : (
        <>
          <span className="admin-row-main">
            <strong>{tag.name}</strong> <code className="muted">{tag.slug}</code>{' '}
            <span className="muted" data-testid="tag-avatar-count">
              {avatars(tag.avatarCount)}
            </span>
          </span>
          <span className="actions">
            <MoveButtons name={tag.name} first={props.first} last={props.last} onMove={props.onMove} />
            <EditDeleteButtons
              name={tag.name}
              edit="Rename"
              onEdit={() => setEditing(true)}
              onDelete={doDelete}
              deleting={deleting}
            />
          </span>
        </>
      )}
    </li>
  );
}
