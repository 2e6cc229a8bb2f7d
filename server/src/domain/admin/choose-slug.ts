import { invalid } from '../errors.ts';
import { slugify } from './slugify.ts';

/** The slug given, else one made from the name; refused (at `path`) when the name makes none. */
export function chooseSlug(given: string | null | undefined, fromName: string, path: string[]): string {
  const slug = given ?? slugify(fromName);
  if (!slug) throw invalid(path, 'A slug cannot be made from this name; give one.');
  return slug;
}
