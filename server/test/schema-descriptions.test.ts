// Issue 13: every element of the schema is described (GraphiQL's docs explorer and partners read these), and
// every deprecation says why. Checked on the schema the app serves (what `npm run generate` prints) and on
// the committed schema.graphql, so neither can drift undocumented.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/graphql/schema/index.ts';
import { census, isDescribed, schemaElements, type SchemaElement } from './schema-census.ts';

const undocumented = (elements: SchemaElement[]) =>
  elements.filter((e) => !isDescribed(e.description)).map((e) => `${e.kind} ${e.coordinate}`);
const deprecatedWithoutReason = (elements: SchemaElement[]) =>
  elements
    .filter((e) => e.deprecationReason !== undefined && e.deprecationReason !== null)
    .filter((e) => !isDescribed(e.deprecationReason) || e.deprecationReason === 'No longer supported')
    .map((e) => e.coordinate);

describe('schema descriptions', () => {
  const served = schemaElements(schema);

  it('describes every type, field, argument, input field and enum value of the served schema', () => {
    expect(undocumented(served)).toEqual([]);
    // Sanity: the walk saw the whole schema, not an empty or partial one.
    const totals = Object.fromEntries(census(served).map((c) => [c.kind, c.total]));
    expect(totals).toMatchObject({
      type: expect.any(Number),
      field: expect.any(Number),
      arg: expect.any(Number),
      inputField: expect.any(Number),
      enumValue: expect.any(Number),
    });
    expect(totals.type).toBeGreaterThan(150);
    expect(totals.field).toBeGreaterThan(250);
    expect(totals.arg).toBeGreaterThan(60);
    expect(totals.inputField).toBeGreaterThan(60);
    expect(totals.enumValue).toBeGreaterThan(40);
  });

  it('the committed schema.graphql carries the same elements, all described', async () => {
    const printed = schemaElements(
      buildSchema(await readFile(resolve(import.meta.dirname, '../../schema.graphql'), 'utf8')),
    );
    expect(printed.map((e) => e.coordinate).sort()).toEqual(served.map((e) => e.coordinate).sort());
    expect(undocumented(printed)).toEqual([]);
  });

  it('every @deprecated gives a reason (not the default "No longer supported")', () => {
    expect(deprecatedWithoutReason(served)).toEqual([]);
  });

  it('the census notices an undocumented element of each kind, and a deprecation without a reason', () => {
    const sdl = `
      """A documented type."""
      type Query {
        """Documented."""
        a("""Documented.""" x: Int, y: Int): Int
        b: E @deprecated
        c(i: In): Int @deprecated(reason: "   ")
      }
      """An enum."""
      enum E { """One.""" ONE TWO }
      input In { """Documented.""" p: Int q: Int }
      scalar Undescribed
    `;
    const elements = schemaElements(buildSchema(sdl));
    expect(undocumented(elements)).toEqual([
      'arg Query.a(y)',
      'field Query.b',
      'field Query.c',
      'arg Query.c(i)',
      'enumValue E.TWO',
      'type In',
      'inputField In.q',
      'type Undescribed',
    ]);
    expect(deprecatedWithoutReason(elements)).toEqual(['Query.b', 'Query.c']);
    // Built-in scalars and introspection types are the specification's and are not counted.
    expect(elements.some((e) => e.coordinate === 'Int' || e.coordinate.startsWith('__'))).toBe(false);
  });

  it('a blank or placeholder description counts as none', () => {
    for (const d of [undefined, null, '', '   ', '\n', 'TODO', '...', '-']) expect(isDescribed(d)).toBe(false);
    expect(isDescribed('The avatar.')).toBe(true);
  });
});
