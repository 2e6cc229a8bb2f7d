import { describe, expect, it } from 'vitest';
import { clearCategory, describeFilter, groupFacets, tagsArgument, toggleTag, type Facet } from './facets.ts';

const f = (cat: string, slug: string, count: number): Facet => ({
  tag: { slug, name: slug[0].toUpperCase() + slug.slice(1), category: { slug: cat } },
  count,
});
const FACETS = [
  f('sexe', 'homme', 12),
  f('sexe', 'femme', 12),
  f('age', 'jeune', 8),
  f('age', 'senior', 0),
  f('industrie', 'medical', 3),
];

describe('catalog selection', () => {
  it('sends the selected slugs sorted and unique, or null for no filter', () => {
    expect(tagsArgument(['jeune', 'femme', 'homme', 'femme'])).toEqual(['femme', 'homme', 'jeune']);
    expect(tagsArgument([])).toBeNull();
    // The same selection in any order is one argument (one cache entry).
    expect(tagsArgument(['b', 'a'])).toEqual(tagsArgument(['a', 'b']));
  });

  it('toggles a tag', () => {
    expect(toggleTag(['femme'], 'homme')).toEqual(['femme', 'homme']);
    expect(toggleTag(['femme', 'homme'], 'femme')).toEqual(['homme']);
  });

  it('clears one category only', () => {
    expect(clearCategory(['femme', 'homme', 'jeune'], FACETS, 'sexe')).toEqual(['jeune']);
  });

  it('groups facets per category in the API order, with names and selection', () => {
    const groups = groupFacets(FACETS, ['femme'], [{ slug: 'age', name: 'Âge' }]);
    expect(groups.map((g) => [g.slug, g.name])).toEqual([
      ['sexe', 'sexe'],
      ['age', 'Âge'],
      ['industrie', 'industrie'],
    ]);
    expect(groups[0].tags).toEqual([
      { slug: 'homme', name: 'Homme', count: 12, selected: false },
      { slug: 'femme', name: 'Femme', count: 12, selected: true },
    ]);
  });

  it('describes the filter with the API semantics: OR within a category, AND across', () => {
    expect(describeFilter(groupFacets(FACETS, ['femme', 'homme', 'jeune']))).toBe('(Homme or Femme) and Jeune');
    expect(describeFilter(groupFacets(FACETS, []))).toBe('');
  });
});
