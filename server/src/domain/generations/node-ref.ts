/**
 * A row the client named: its id (null when the global ID is malformed or of another type, which names
 * no row, exactly like a missing one), and the global ID it was named by (what a NotFoundError repeats).
 * Decoded by the adapter, refused by the use case, so a replayed idempotency key is answered first.
 */
export interface NodeRef {
  id: string | null;
  globalId: string;
}
