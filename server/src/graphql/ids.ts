import { decodeGlobalID } from '@pothos/plugin-relay';
import { invalid } from './errors.ts';

/** A global ID of the expected type, else a ValidationError naming the argument path. */
export function localId(globalId: string, typename: string, path: (string | number)[]): string {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(globalId);
  } catch {
    throw invalid(path, `Not a valid ${typename} ID.`);
  }
  if (decoded.typename !== typename || !decoded.id) throw invalid(path, `Not a valid ${typename} ID.`);
  return decoded.id;
}
