// Use cases name rows by their public IDs (the global IDs clients hold), so that a NotFoundError says what
// the caller asked for. Here a public ID becomes a row id of one type, or names nothing.
import { decodeGlobalID } from '@pothos/plugin-relay';
import { NotFoundError } from './errors.ts';

// What a row id looks like (cuids, test and seed ids): the input boundary's rule (graphql/input-rules.ts).
const ROW_ID = /^[\w-]{1,128}$/;

/** The row id inside the public ID of a `typename`, or null when it is malformed or of another type. */
export function rowIdOrNull(publicId: string, typename: string): string | null {
  try {
    const decoded = decodeGlobalID(publicId);
    return decoded.typename === typename && ROW_ID.test(decoded.id) ? decoded.id : null;
  } catch {
    return null;
  }
}

/** The row id inside the public ID of a `typename`; anything else names no such row (`what` in the message). */
export function rowId(publicId: string, typename: string, what = typename): string {
  const id = rowIdOrNull(publicId, typename);
  if (id === null) throw new NotFoundError(what, publicId);
  return id;
}
