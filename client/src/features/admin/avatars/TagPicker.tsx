import { getFragmentData, graphql, type FragmentType } from '../../../gql';

export const TagPicker_category = graphql(`
  fragment TagPicker_category on TagCategory {
    id
    name
    tags {
      id
      slug
      name
    }
  }
`);

/** Checkboxes of every tag, a fieldset per category; `value` is the chosen slugs. */
export function TagPicker(props: {
  categories: readonly FragmentType<typeof TagPicker_category>[];
  value: readonly string[];
  onChange: (slugs: string[]) => void;
  error?: string | undefined;
}) {
  const categories = props.categories.map((c) => getFragmentData(TagPicker_category, c));
  const toggle = (slug: string) =>
    props.onChange(props.value.includes(slug) ? props.value.filter((s) => s !== slug) : [...props.value, slug]);
  return (
    <div className={`tag-picker${props.error ? ' has-error' : ''}`}>
      {categories.length === 0 && <p className="empty">No tag yet: add some under Tags.</p>}
      {categories.map((c) => (
        <fieldset key={c.id} className="facet-group">
          <legend>{c.name}</legend>
          {c.tags.map((t) => (
            <label key={t.id} className="facet">
              <input type="checkbox" checked={props.value.includes(t.slug)} onChange={() => toggle(t.slug)} />
              <span>{t.name}</span>
            </label>
          ))}
        </fieldset>
      ))}
      {props.error && (
        <small className="field-error" role="alert">
          {props.error}
        </small>
      )}
    </div>
  );
}

/** The tags of `slugs` as the cache holds tags, for an optimistic answer. */
export function tagsOf(categories: readonly FragmentType<typeof TagPicker_category>[], slugs: readonly string[]) {
  const all = categories.flatMap((c) => getFragmentData(TagPicker_category, c).tags);
  return all.filter((t) => slugs.includes(t.slug)).map((t) => ({ __typename: 'Tag' as const, ...t }));
}
