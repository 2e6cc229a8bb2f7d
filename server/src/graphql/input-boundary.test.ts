// The boundary covers a field it has never heard of: a schema of its own, with fields the project does
// not have (nested input lists, an error union, a subscription), executed by graphql-js.
import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import ValidationPlugin from '@pothos/plugin-validation';
import { InvalidInputError } from '../domain/errors.ts';
import { graphql, parse, subscribe } from 'graphql';
import { describe, expect, it } from 'vitest';
import InputBoundaryPlugin from './input-boundary.ts';

function schemaWithNewFields(reached: string[]) {
  // `as never`: the project's other plugins, loaded in this process, declare their options required.
  const builder = new SchemaBuilder({
    plugins: [ErrorsPlugin, InputBoundaryPlugin, ValidationPlugin],
    errors: { defaultTypes: [InvalidInputError], unsafelyHandleInputErrors: true },
  } as never);
  builder.objectType(InvalidInputError, {
    name: 'ValidationError',
    fields: (t) => ({ paths: t.stringList({ resolve: (e) => e.issues.map((i) => i.path.map(String).join('.')) }) }),
  });
  const Line = builder.inputType('Line', {
    fields: (t) => ({ label: t.string(), notes: t.string({ multiline: true }), ids: t.idList() }),
  });
  const Order = builder.inputType('Order', { fields: (t) => ({ lines: t.field({ type: [Line] }), count: t.int() }) });
  builder.queryType({
    fields: (t) => ({
      lookup: t.string({
        args: { key: t.arg.id({ required: true }) },
        resolve: (_r, { key }) => (reached.push(`lookup ${key}`), 'found'),
      }),
      count: t.int({ args: { n: t.arg.int() }, resolve: () => 1 }),
    }),
  });
  builder.mutationType({
    fields: (t) => ({
      placeOrder: t.boolean({
        errors: {},
        args: { order: t.arg({ type: Order, required: true }) },
        resolve: () => (reached.push('placeOrder'), true),
      }),
    }),
  });
  builder.subscriptionType({
    fields: (t) => ({
      watch: t.string({
        args: { topic: t.arg.string({ required: true }) },
        subscribe: async function* (_r, { topic }) {
          reached.push(`watch ${topic}`);
          yield topic;
        },
        resolve: (v) => v,
      }),
    }),
  });
  return builder.toSchema();
}

const PLACE = `mutation($o: Order!) { placeOrder(order: $o) { __typename ... on ValidationError { paths } } }`;

describe('input boundary on fields it does not name', () => {
  it(`refuses controls and lone surrogates at any depth before the resolver, allowing line breaks only in multi-line \
fields`, async () => {
    const reached: string[] = [];
    const schema = schemaWithNewFields(reached);
    const bad = {
      lines: [
        { label: 'ok', notes: 'one\ntwo\tthree', ids: ['a'] },
        { label: 'x\ny', notes: 'n\u0000', ids: ['b', '\ud800'] },
      ],
      count: 2,
    };
    const refused = await graphql({ schema, source: PLACE, variableValues: { o: bad } });
    expect(refused.errors).toBeUndefined();
    expect(refused.data?.placeOrder).toEqual({
      __typename: 'ValidationError',
      paths: ['order.lines.1.label', 'order.lines.1.notes', 'order.lines.1.ids.1'],
    });
    const good = await graphql({ schema, source: PLACE, variableValues: { o: { lines: [bad.lines[0]] } } });
    expect(good.data?.placeOrder).toMatchObject({ __typename: 'MutationPlaceOrderSuccess' });

    const query = await graphql({ schema, source: `{ lookup(key: "a\\u0000b") count(n: 1) }` });
    expect(query.errors?.[0]?.originalError).toBeInstanceOf(InvalidInputError);
    expect(query.data).toEqual({ lookup: null, count: 1 });

    const sub = (await subscribe({ schema, document: parse(`subscription { watch(topic: "t\\u001b") }`) })) as {
      errors?: readonly { originalError?: unknown }[];
    };
    expect(sub.errors?.[0]?.originalError).toBeInstanceOf(InvalidInputError);
    expect(reached).toEqual(['placeOrder']);
  });
});
