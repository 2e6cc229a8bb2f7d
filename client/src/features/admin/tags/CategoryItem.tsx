import { useState } from 'react';
import { getFragmentData, graphql, type FragmentType } from '../../../gql';
import { RenameForm } from '../RenameForm.tsx';
import { EditDeleteButtons } from '../RowActions.tsx';
import { confirmAction, reportRefusal } from '../confirmAction.ts';
import { moved } from '../order.ts';
import { MoveButtons } from './MoveButtons.tsx';
import { NewNameForm } from './NewNameForm.tsx';
import { TagItem, TagItem_tag } from './TagItem.tsx';
import { useRenameTagCategoryMutation } from '../mutations/useRenameTagCategoryMutation.ts';
import { useDeleteTagCategoryMutation } from '../mutations/useDeleteTagCategoryMutation.ts';
import { useCreateTagMutation } from '../mutations/useCreateTagMutation.ts';
import { useReorderTagsMutation } from '../mutations/useReorderTagsMutation.ts';

export const CategoryItem_category = graphql(`
  fragment CategoryItem_category on TagCategory {
    id
    name
    slug
    position
    tags {
      id
      ...TagItem_tag
    }
  }
`);

/** A category with its tags in display order: rename, move, delete it; add, rename, move, delete its tags. */
export function CategoryItem(props: {
  category: FragmentType<typeof CategoryItem_category>;
  onMove: (by: -1 | 1) => void;
  first: boolean;
  last: boolean;
}) {
  const category = getFragmentData(CategoryItem_category, props.category);
  const [editing, setEditing] = useState(false);
  const [rename] = useRenameTagCategoryMutation();
  const [remove, { loading: deleting }] = useDeleteTagCategoryMutation();
  const [createTag] = useCreateTagMutation();
  const [reorderTags] = useReorderTagsMutation(category.id);
  const tagIds = category.tags.map((t) => t.id);
  const counted = category.tags.reduce((n, t) => n + getFragmentData(TagItem_tag, t).avatarCount, 0);
  const doDelete = () =>
    confirmAction(
      `Delete the category “${category.name}” and its ${category.tags.length} tags?` +
        (counted ? ' Avatars lose those tags.' : ''),
      () => remove(category.id),
    );

  return (
    <li className="card admin-category" data-testid="admin-category" data-slug={category.slug}>
      <div className="admin-row">
        {editing ? (
          <RenameForm
            label="Category name"
            initial={category.name}
            save={(n) => rename(category.id, n)}
            onDone={() => setEditing(false)}
          />
        ) : (
          <>
            <h3 className="admin-row-main">
              {category.name} <code className="muted">{category.slug}</code>
            </h3>
            <span className="actions">
              <MoveButtons name={category.name} first={props.first} last={props.last} onMove={props.onMove} />
              <EditDeleteButtons
                name={category.name}
                edit="Rename"
                onEdit={() => setEditing(true)}
                onDelete={doDelete}
                deleting={deleting}
              />
            </span>
          </>
        )}
      </div>
      {category.tags.length === 0 ? (
        <p className="empty">No tag yet.</p>
      ) : (
        <ul className="admin-list">
          {category.tags.map((t, i) => (
            <TagItem
              key={t.id}
              tag={t}
              categoryId={category.id}
              first={i === 0}
              last={i === category.tags.length - 1}
              onMove={(by) => void reportRefusal(() => reorderTags(moved(tagIds, i, by)))}
            />
          ))}
        </ul>
      )}
      <NewNameForm
        label={`New tag in ${category.name}`}
        button="Add tag"
        create={({ name, slug }) => createTag({ categoryId: category.id, name, slug })}
      />
    </li>
  );
}
