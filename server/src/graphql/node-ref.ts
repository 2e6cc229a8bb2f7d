import type { NodeRef } from '../domain/generations/node-ref.ts';
import { localIdOrNull } from './ids.ts';

/** A global ID of `typename` as a use case takes it. */
export const nodeRef = (globalId: string | number, typename: string): NodeRef => ({
  id: localIdOrNull(String(globalId), typename),
  globalId: String(globalId),
});
