// Clients name rows by public IDs (relay global IDs, base64 of "Type:rowId"). This is the one decoder of them,
// for use cases and for the GraphQL layer alike (node(id:), relay's ID arguments), so that a malformed ID, one
// of another type and a missing row are refused alike everywhere.
import { decodeGlobalID } from '@pothos/plugin-relay';
import { NotFoundError } from './errors.ts';

/** The types whose rows have public IDs: the schema's Node types (graphql/schema/index.ts checks it at start-up). */
export const PUBLIC_ID_TYPES: ReadonlySet<string> = Object.freeze(
  new Set(['ApiKey', 'Avatar', 'BRoll', 'Image', 'Project', 'Tag', 'TagCategory', 'User']),
);

/** What a row id (the part of a public ID or cursor after the type) looks like: cuids, test and seed ids. */
export const isRowId = (id: unknown): id is string => typeof id === 'string' && /^[\w-]{1,128}$/.test(id);

/** The type and row id inside a public ID, or null when it is not the ID of a row of a public type. */
export function decodePublicId(publicId: string): { typename: string; id: string } | null {
  try {
    const decoded = decodeGlobalID(publicId);
    return PUBLIC_ID_TYPES.has(decoded.typename) && isRowId(decoded.id) ? decoded : null;
  } catch {
    return null;
  }
}

/** The row id inside the public ID of a `typename`, or null when it is malformed or of another type. */
export function rowIdOrNull(publicId: string, typename: string): string | null {
  const decoded = decodePublicId(publicId);
  return decoded?.typename === typename ? decoded.id : null;
}

/** The row id inside the public ID of a `typename`; anything else names no such row (`what` in the message). */
export function rowId(publicId: string, typename: string, what = typename): string {
  const id = rowIdOrNull(publicId, typename);
  if (id === null) throw new NotFoundError(what, publicId);
  return id;
}

/**
 * A row the client named: its id (null when the public ID is malformed or of another type, which names
 * no row, exactly like a missing one), and the public ID it was named by (what a NotFoundError repeats).
 * Decoded by the adapter, refused by the use case, so a replayed idempotency key is answered first.
 */
export interface NodeRef {
  id: string | null;
  globalId: string;
}

/** A public ID of `typename` as a use case takes it. */
export const nodeRef = (publicId: string | number, typename: string): NodeRef => ({
  id: rowIdOrNull(String(publicId), typename),
  globalId: String(publicId),
});
