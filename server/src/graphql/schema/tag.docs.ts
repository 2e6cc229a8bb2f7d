// Longer descriptions of tag.ts's types and operations (kept apart so tag.ts stays one screen of code).
import { operationDoc, WHO } from '../docs.ts';

const admin = (what: string, errors: string) =>
  operationDoc(`${what} Catalog caches (counts, answers) are dropped on every instance.`, { who: WHO.admin, errors });
const MISSING = 'NotFoundError (no such ID), ValidationError.';

export const tagDocs = {
  TagCategory:
    'A group of catalog tags (e.g. gender, age, sector). A filter ORs the tags of one category and ANDs categories.',
  Tag: 'A catalog tag that public avatars carry; filter publicAvatars by its slug.',
  slug: 'Stable identifier: lowercase letters, digits and dashes, at most 50 characters; unique among categories.',
  tagSlug:
    'Stable identifier used in `publicAvatars(tags:)`: lowercase letters, digits and dashes, at most 50 ' +
    'characters; unique across all tags, whatever their category.',
  name: 'Display name, 1–60 characters (trimmed).',
  newSlug:
    'Lowercase letters, digits and dashes, at most 50 characters; omitted: made from the name. It never changes.',
  tagCategories: operationDoc(
    'Every tag category with its tags, in display order (position, then name). Read from a cache kept 10 s.',
    { who: WHO.anyone },
  ),
  createTagCategory: admin(
    'Creates a tag category.',
    'ConflictError (the slug is taken, path ["input", "slug"]), ValidationError.',
  ),
  renameTagCategory: admin('Renames a tag category.', MISSING),
  deleteTagCategory: admin('Deletes the category and its tags; avatars lose those tags.', MISSING),
  createTag: admin(
    'Creates a tag, last in its category.',
    'ConflictError (the slug is taken by any tag, path ["input", "slug"]), NotFoundError (no such category), ' +
      'ValidationError.',
  ),
  renameTag: admin('Renames a tag.', MISSING),
  deleteTag: admin('Deletes a tag; avatars lose it.', MISSING),
} as const;
