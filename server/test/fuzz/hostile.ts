// Hostile values by the kind of a leaf (String, ID, Int, Float, Boolean, enum, list, input object).
// `core` ones are sent to every leaf of that kind; the fast-check runs draw from all of them.
import type { Leaf } from './schema-targets.ts';
import { typeKind } from './schema-values.ts';

export interface Hostile {
  label: string;
  value: unknown;
  core?: boolean;
  /** A legitimate value: the probe may succeed, which tests who may read or change the baseline's rows. */
  benign?: boolean;
}

/** A string as long as the request body limit allows; its length is fixed when the body is built. */
export class Huge {
  constructor(readonly unit: string) {}
  /** Bytes per unit once JSON-encoded in UTF-8. */
  get bytes(): number {
    return Buffer.byteLength(JSON.stringify(this.unit)) - 2;
  }
}

const b64 = (s: string | Buffer) => (typeof s === 'string' ? Buffer.from(s, 'utf8') : s).toString('base64');

const CONTROLS = [0x01, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b, 0x1f, 0x7f];

export const STRINGS: Hostile[] = [
  { label: 'NUL', value: '\u0000', core: true },
  { label: 'NUL inside', value: 'a\u0000b' },
  ...CONTROLS.map((c) => ({
    label: `C0 U+${c.toString(16).padStart(4, '0')}`,
    value: `x${String.fromCharCode(c)}y`,
    core: c === 0x1b,
  })),
  { label: 'lone high surrogate', value: '\ud800', core: true },
  { label: 'lone low surrogate', value: 'a\udfffb' },
  { label: 'reversed surrogates', value: '\udc00\ud800' },
  { label: 'empty', value: '' },
  { label: 'blanks', value: ' \u00a0 ' },
  // Not hostile: a valid astral character (a surrogate pair) that a boundary must not confuse with a lone one.
  { label: 'emoji', value: 'Café 😀', core: true, benign: true },
  { label: 'huge ascii', value: new Huge('x'), core: true },
  { label: 'huge 2-byte', value: new Huge('é') },
  { label: 'huge NULs', value: new Huge('\u0000') },
  { label: 'sql-ish', value: "' OR 1=1; --" },
  { label: 'like wildcards', value: '%_\\' },
  { label: 'wrong type: number', value: 5 },
  { label: 'wrong type: object', value: { a: 1 } },
  { label: 'null', value: null },
];

export const CURSORS: Hostile[] = [
  ...['Tag:\u0000', 'GPC:N:5', 'GPC:D:abc', 'GPC:Z:', 'GPC:I:9', 'GPC:S:\u0000'].map((c) => ({
    label: `cursor b64 ${JSON.stringify(c)}`,
    value: b64(c),
    core: true,
  })),
  ...['GPC:S:', 'GPC:J:{', 'GPC:', 'arrayconnection:-1', 'GPC:S:\ud800'].map((c) => ({
    label: `cursor b64 ${JSON.stringify(c)}`,
    value: b64(c),
  })),
  ...[
    ['NEWEST', '1', 'x'],
    ['NEWEST', '2026-13-45T99:00:00Z', 'x'],
    ['NEWEST', '275760-09-13T00:00:00.000Z', 'x'],
    ['NAME', 5, null],
    ['OLDEST', 'x\u0000'],
    [],
    {},
  ].map((c, i) => ({ label: `cursor b64 json ${JSON.stringify(c)}`, value: b64(JSON.stringify(c)), core: i < 2 })),
  { label: 'cursor b64 null', value: b64('null') },
  { label: 'cursor not base64', value: '%%%' },
  { label: 'cursor invalid utf-8', value: b64(Buffer.from([0xff, 0xfe, 0x3a, 0x00])) },
];

export function idValues(
  leaf: Leaf,
  nodeNames: string[],
  live: Map<string, { id: string }[]>,
  deleted: Map<string, string[]>,
  foreign: Map<string, string[]>,
): Hostile[] {
  const own = leaf.idType;
  const out: Hostile[] = [
    { label: 'id NUL', value: '\u0000', core: true },
    { label: 'id lone surrogate', value: '\ud800', core: true },
    { label: 'id not base64', value: 'not base64 !!' },
    { label: 'id invalid utf-8', value: b64(Buffer.from([0xff, 0xfe, 0x3a, 0x41])) },
    { label: 'id b64 ":"', value: b64(':') },
    { label: 'id b64 "Nope:1"', value: b64('Nope:1') },
    { label: 'id huge', value: new Huge('A') },
    { label: 'id wrong type: number', value: 5 },
  ];
  // Core: what names the leaf's own type (every type when the leaf takes any node) and one other type's
  // live id; the rest is left to the random draws.
  const otherType = nodeNames.find((t) => t !== own && live.has(t));
  for (const t of nodeNames) {
    const mine = t === own || !own;
    out.push({ label: `id b64 "${t}:doesnotexist"`, value: b64(`${t}:doesnotexist`), core: mine });
    out.push({ label: `id b64 "${t}:<NUL>"`, value: b64(`${t}:\u0000`), core: mine });
    out.push({ label: `id b64 "${t}:a<NUL>b"`, value: b64(`${t}:a\u0000b`) });
    out.push({ label: `id b64 "${t}:"`, value: b64(`${t}:`) });
    out.push({ label: `id b64 "${t}:<surrogate>"`, value: b64(`${t}:\ud800`) });
    for (const id of deleted.get(t) ?? []) out.push({ label: `id of deleted ${t}`, value: id, core: mine });
    // A live id of the leaf's own type could be a legitimate target (deleteProject of our fixture): only other types'.
    if (t !== own && own)
      for (const { id } of live.get(t) ?? []) out.push({ label: `id of a ${t}`, value: id, core: t === otherType });
    for (const id of foreign.get(t) ?? []) out.push({ label: `id of another user's ${t}`, value: id, core: t === own });
  }
  return out;
}

export function intValues(): Hostile[] {
  return [
    { label: '0', value: 0 },
    { label: '-1', value: -1, core: true },
    { label: '2^31-1', value: 2 ** 31 - 1, core: true },
    { label: '-2^31', value: -(2 ** 31), core: true },
    { label: '2^31', value: 2 ** 31 },
    { label: '1.5', value: 1.5 },
    { label: '1e300', value: 1e300 },
    { label: 'string "5"', value: '5' },
    { label: 'null', value: null },
  ];
}

export function floatValues(): Hostile[] {
  return [
    { label: '0', value: 0 },
    { label: '-1', value: -1, core: true },
    { label: '1e308', value: 1e308, core: true },
    { label: '-1e308', value: -1e308 },
    { label: '5e-324', value: 5e-324, core: true },
    { label: '2^53+1', value: 2 ** 53 + 1 },
    { label: 'string "NaN"', value: 'NaN' },
    { label: 'null', value: null },
  ];
}

export function hostileValues(
  leaf: Leaf,
  args: {
    foreignCursors: Hostile[];
    nodeNames: string[];
    live: Map<string, { id: string }[]>;
    deleted: Map<string, string[]>;
    foreign: Map<string, string[]>;
    baselineItem: () => unknown;
    enumValues: string[];
  },
): Hostile[] {
  switch (typeKind(leaf.type)) {
    case 'String':
      return leaf.target.connection && leaf.path.length === 0
        ? [...STRINGS, ...CURSORS, ...args.foreignCursors]
        : STRINGS;
    case 'ID':
      return [
        ...idValues(leaf, args.nodeNames, args.live, args.deleted, args.foreign),
        ...STRINGS.filter((s) => !s.core),
      ];
    case 'scalar':
      return STRINGS;
    case 'Int':
      return intValues();
    case 'Float':
      return floatValues();
    case 'Boolean':
      return [
        { label: 'string "true"', value: 'true', core: true },
        { label: '1', value: 1 },
        { label: 'null', value: null },
      ];
    case 'enum':
      return [
        { label: 'unknown enum', value: 'NOPE', core: true },
        { label: 'lowercase enum', value: args.enumValues[0]?.toLowerCase() ?? 'x' },
        { label: 'enum NUL', value: '\u0000' },
        { label: 'enum number', value: 0 },
      ];
    case 'list': {
      const item = args.baselineItem();
      return [
        { label: 'empty list', value: [], core: true },
        { label: '1000 items', value: Array.from({ length: 1000 }, () => structuredClone(item)), core: true },
        { label: '101 items', value: Array.from({ length: 101 }, () => structuredClone(item)) },
        { label: '1000 NULs', value: Array.from({ length: 1000 }, () => '\u0000') },
        { label: 'list of null', value: [null] },
        { label: 'nested list', value: [[item]] },
        { label: 'not a list', value: item },
      ];
    }
    case 'object':
      return [
        { label: 'empty object', value: {}, core: true },
        { label: 'unknown field', value: { zzz: 1 } },
        { label: 'string for object', value: 'x' },
        { label: 'null', value: null },
      ];
  }
}
