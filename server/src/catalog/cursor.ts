// The catalog's cursors: (order, order key, id), base64url JSON, checked before they reach a statement.
import { isRowId } from '../domain/ids.ts';
import { textProblem } from '../domain/text.ts';
import type { CatalogOrder, Cursor } from './filter.ts';

export const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.order, c.value, c.id])).toString('base64url');

/** What a date cursor holds: Date#toISOString, the one form that also casts to timestamp(3) in PostgreSQL. */
const isIsoInstant = (value: string) =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value) &&
  !Number.isNaN(Date.parse(value)) &&
  new Date(value).toISOString() === value;

/**
 * The cursor, or null when it is not one this list wrote: anything else (a date JavaScript reads but
 * PostgreSQL does not, a name with a NUL, an id of another shape) would reach the statement.
 */
export function decodeCursor(s: string): Cursor | null {
  try {
    const parsed = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(parsed) || parsed.length !== 3) return null;
    const [order, value, id] = parsed as unknown[];
    if (order !== 'NEWEST' && order !== 'OLDEST' && order !== 'NAME') return null;
    if (typeof value !== 'string' || !isRowId(id)) return null;
    if (order === 'NAME' ? value.length > 200 || textProblem(value) !== null : !isIsoInstant(value)) return null;
    return { order, value, id };
  } catch {
    return null;
  }
}

export const cursorOf = (order: CatalogOrder, a: { id: string; createdAt: Date; name: string }): string =>
  encodeCursor({ order, value: order === 'NAME' ? a.name : a.createdAt.toISOString(), id: a.id });
