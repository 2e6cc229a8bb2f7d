import { decodeGlobalID } from '@pothos/plugin-relay';
import { NODE_TYPES } from './node-types.ts';
import { NotFoundError } from './errors.ts';
import { isLocalId } from './input-rules.ts';

/** The type and row id inside a global ID, or null when it is not the ID of a row of a node type. */
export function decodeNodeId(globalId: string): { typename: string; id: string } | null {
  try {
    const decoded = decodeGlobalID(globalId);
    return NODE_TYPES.has(decoded.typename) && isLocalId(decoded.id) ? decoded : null;
  } catch {
    return null;
  }
}

/**
 * The row id inside a global ID of `typename`. An ID that is malformed or of another type names no row
 * of this type: a NotFoundError (`what` is its name in the message), exactly as for a missing row.
 */
export function localId(globalId: string, typename: string, what = typename): string {
  const decoded = decodeNodeId(globalId);
  if (decoded?.typename !== typename) throw new NotFoundError(what, globalId);
  return decoded.id;
}

/** The row id inside a global ID of `typename`, or null. */
export function localIdOrNull(globalId: string, typename: string): string | null {
  const decoded = decodeNodeId(globalId);
  return decoded?.typename === typename ? decoded.id : null;
}
