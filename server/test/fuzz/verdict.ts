// Verdicts on one probe's answer: internal detail in a message, an error answer (top-level or an Error member
// of a result union), a forbidden character accepted, the fuzzed field resolved, the owner's rows in it.
import type { Leaf } from './schema-targets.ts';
import type { Fixtures } from './schema-values.ts';
import { Huge } from './hostile.ts';

export const UNMASKED: [string, RegExp][] = [
  ['prisma', /prisma/i],
  ['source path', /\/server\/src|node_modules|\.[cm]?[jt]s:\d+|file:\/\//],
  ['stack', /\n\s+at |\bat [\w.<>]+ \(/],
  [
    'sql',
    new RegExp(
      [
        /invalid input syntax|invalid byte sequence|syntax error at|violates .* constraint|SQLSTATE|PostgreSQL/.source,
        /\bpg_|relation ".*" does not exist|\bSELECT\b.*\bFROM\b/.source,
      ].join('|'),
      'i',
    ),
  ],
  ['postgres code', /\b(?:08|22|23|25|40|42|53|54|55|57|58|XX)[0-9A-Z]{3}\b/],
];

export function messagesIn(body: any): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key?: string) => {
    if (typeof v === 'string' && (key === 'message' || key === 'raw' || key === 'stacktrace')) out.push(v);
    else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(body);
  return out;
}

export function isErrorAnswer(body: any, errorTypes: Set<string>): boolean {
  if (!body || body.silent) return false;
  if (Array.isArray(body.errors) && body.errors.length) return true;
  let found = false;
  const walk = (v: unknown) => {
    if (found || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      v.forEach(walk);
      return;
    }
    if (typeof (v as any).__typename === 'string' && errorTypes.has((v as any).__typename)) found = true;
    Object.values(v).forEach(walk);
  };
  walk(body.data);
  return found;
}

const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hasForbiddenChars(value: unknown): boolean {
  if (typeof value === 'string') return FORBIDDEN.test(value);
  if (value instanceof Huge) return FORBIDDEN.test(value.unit);
  if (Array.isArray(value)) return value.some(hasForbiddenChars);
  return false;
}

/** Whether the answer shows the fuzzed field was resolved (a silent subscription was set up). */
export function reached(body: any, fieldPath: string[]): boolean {
  if (body?.silent) return true;
  let v = body?.data;
  for (const key of fieldPath) {
    if (!v || typeof v !== 'object' || !(key in v)) return false;
    v = v[key];
  }
  return true;
}

export function resolvedNonNull(body: any, fieldPath: string[]): boolean {
  if (body?.silent) return true;
  let v = body?.data;
  for (const key of fieldPath) v = v?.[key];
  return v !== null && v !== undefined && !(Array.isArray(v) && v.every((x) => x === null));
}

export const short = (s: string, n = 220) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);

export function describeLeaf(leaf: Leaf): string {
  return [leaf.arg.name, ...leaf.path.map((p) => (typeof p === 'number' ? '[]' : p))].join('.');
}

/** The owner's rows that nobody else may read or change (the catalog's tags and public avatar are public). */
export function privateIdsIn(fx: Fixtures, value: unknown): string[] {
  const privateIds = new Set(
    [...fx.live]
      .filter(([type]) => !type.startsWith('Tag'))
      .flatMap(([, ids]) => ids.filter((i) => i.label !== 'public').map((i) => i.id)),
  );
  const found: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string' && privateIds.has(v)) found.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(value);
  return found;
}

export const changedKeys = (before: Record<string, string>, after: Record<string, string>) =>
  Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
