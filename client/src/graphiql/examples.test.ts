import { describe, expect, it } from 'vitest';
import { buildSchema, getOperationAST, getVariableValues, Kind, parse, validate, type GraphQLSchema } from 'graphql';
import sdl from '../../../schema.graphql?raw';
import { exampleTabs, examples, headersFor } from './examples.ts';

const schema: GraphQLSchema = buildSchema(sdl);

describe('GraphiQL example tabs', () => {
  it.each(examples.map((e) => [e.name, e] as const))('%s is a valid operation against schema.graphql', (_, e) => {
    const document = parse(e.query);
    expect(validate(schema, document).map((err) => err.message)).toEqual([]);
    expect(document.definitions).toHaveLength(1);
    const op = getOperationAST(document)!;
    expect(op.name?.value).toBe(e.name);
    // The tab's variables fit the operation's variable types (required ones present, input fields known).
    const coerced = getVariableValues(schema, op.variableDefinitions ?? [], e.variables ?? {});
    expect(coerced.errors?.map((err) => err.message)).toBeUndefined();
  });

  it('covers the catalog by tags with facets, my projects, creating an avatar and a project subscription', () => {
    const roots = examples.map((e) => {
      const op = getOperationAST(parse(e.query))!;
      const fields = op.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : s.kind));
      return `${op.operation} ${fields.join(',')}`;
    });
    expect(roots).toEqual(['query publicAvatars', 'query me', 'mutation createAvatar', 'subscription projectUpdated']);
    expect(examples[0].query).toMatch(/\bfacets\s*\{/);
    expect(examples[0].variables).toMatchObject({ tags: expect.any(Array) });
  });

  it('puts the Bearer token in every tab only when there is one', () => {
    expect(JSON.parse(headersFor('t0k'))).toEqual({ Authorization: 'Bearer t0k' });
    expect(headersFor(null)).toBe('');
    const tabs = exampleTabs(headersFor('t0k'));
    expect(tabs.map((t) => t.headers)).toEqual(examples.map(() => headersFor('t0k')));
    expect(tabs.map((t) => t.query)).toEqual(examples.map((e) => e.query));
    for (const t of tabs) if (t.variables !== null) expect(JSON.parse(t.variables)).toBeTypeOf('object');
  });
});
