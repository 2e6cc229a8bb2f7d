import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { Spinner } from '../../../ui/Feedback.tsx';
import { moved } from '../order.ts';
import { reportRefusal } from '../confirmAction.ts';
import { CategoryItem } from './CategoryItem.tsx';
import { NewNameForm } from './NewNameForm.tsx';
import { useCreateTagCategoryMutation } from '../mutations/useCreateTagCategoryMutation.ts';
import { useReorderTagCategoriesMutation } from '../mutations/useReorderTagCategoriesMutation.ts';

const AdminTagsQuery = graphql(`
  query AdminTags {
    tagCategories {
      id
      ...CategoryItem_category
    }
  }
`);

/** The catalog's filters: categories and their tags, in the order the catalog shows them. */
export function TagsSection() {
  // Counts change as public avatars finish: fresh on each visit.
  const { data, loading, error } = useQuery(AdminTagsQuery, { fetchPolicy: 'cache-and-network' });
  const [createCategory] = useCreateTagCategoryMutation();
  const [reorder] = useReorderTagCategoriesMutation();
  const categories = data?.tagCategories ?? [];
  const ids = categories.map((c) => c.id);
  return (
    <section aria-labelledby="admin-tags-title">
      <h2 id="admin-tags-title">Tag categories and tags</h2>
      <p className="muted">
        The catalog shows them in this order; counts are the ready public avatars carrying each tag.
      </p>
      <div className="card">
        <NewNameForm label="New category" button="Add category" create={(input) => createCategory(input)} />
      </div>
      {loading && !data ? (
        <Spinner />
      ) : error ? (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      ) : categories.length === 0 ? (
        <p className="empty">No category yet.</p>
      ) : (
        <ul className="admin-categories">
          {categories.map((c, i) => (
            <CategoryItem
              key={c.id}
              category={c}
              first={i === 0}
              last={i === categories.length - 1}
              onMove={(by) => void reportRefusal(() => reorder(moved(ids, i, by)))}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
