// A catalog page reads only the columns its query's Avatar fields need (schema/catalog.ts, columnsFor):
// every field of the Avatar type, as the schema lists it today and tomorrow, answers on a page exactly as
// the same avatar read by node(id) does, alone and through fragments.
import { getNamedType, type GraphQLField, GraphQLObjectType, isLeafType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../src/graphql/schema/index.ts';
import { app } from './catalog-setup.ts';

const SEARCH = 'Columns check';

/** A field's selection: itself when a leaf, else its own leaf fields without arguments. */
function selectionOf(field: GraphQLField<unknown, unknown>): string | null {
  if (field.args.some((a) => a.type.toString().endsWith('!') && a.defaultValue === undefined)) return null;
  const type = getNamedType(field.type);
  if (isLeafType(type)) return field.name;
  if (!(type instanceof GraphQLObjectType)) return `${field.name} { __typename }`;
  const leaves = Object.values(type.getFields()).filter((f) => isLeafType(getNamedType(f.type)) && !f.args.length);
  return `${field.name} { __typename ${leaves.map((f) => f.name).join(' ')} }`;
}

// Presigned URLs are signed per 5-minute window: the two reads may straddle a boundary.
const unsigned = (v: unknown): unknown =>
  JSON.parse(JSON.stringify(v), (_k, x: unknown) => (typeof x === 'string' ? x.replace(/\?X-Amz-.*$/, '?…') : x));

const avatarFields = Object.values((schema.getType('Avatar') as GraphQLObjectType).getFields());

async function pageAndNodes(nodeSelection: string, fragments = '') {
  const page = await app.gql(
    `query($s: String) { publicAvatars(first: 10, search: $s) {
       ... on PublicAvatarConnection { edges { node { id ${nodeSelection} } } } } } ${fragments}`,
    { s: SEARCH },
  );
  expect(page.errors).toBeUndefined();
  const onPage = page.data.publicAvatars.edges.map((e: { node: unknown }) => e.node);
  const byNode = [];
  for (const n of onPage as { id: string }[]) {
    const one = await app.gql(
      `query($id: ID!) { node(id: $id) { ... on Avatar { id ${nodeSelection} } } } ${fragments}`,
      {
        id: n.id,
      },
    );
    expect(one.errors).toBeUndefined();
    byNode.push(one.data.node);
  }
  return { onPage, byNode };
}

beforeAll(async () => {
  // Every column a field could read holds a value, so a column left out shows.
  for (const [i, quality] of (['STANDARD', 'FAST'] as const).entries()) {
    const key = `avatars/public/columns-${i}`;
    await app.storage.put(`${key}.png`, Buffer.from('png'), 'image/png');
    await app.storage.put(`${key}.mp4`, Buffer.from('mp4'), 'video/mp4');
    await app.prisma.avatar.create({
      data: {
        name: `${SEARCH} ${i}`,
        visibility: 'PUBLIC',
        status: 'SUCCEEDED',
        failureReason: `kept reason ${i}`,
        imageStoragePath: `${key}.png`,
        videoStoragePath: `${key}.mp4`,
        aspectRatio: '9:16',
        durationSeconds: 10,
        quality,
        seed: 1234 + i,
      },
    });
  }
});

describe('a catalog page reads the columns its fields need', () => {
  it('finds the avatars made for this check', async () => {
    const { onPage } = await pageAndNodes('name');
    expect(onPage).toHaveLength(2);
  });

  for (const field of avatarFields) {
    const selection = selectionOf(field);
    if (!selection) continue;
    it(`Avatar.${field.name} on a page equals node(id)'s`, async () => {
      const { onPage, byNode } = await pageAndNodes(selection);
      expect(unsigned(onPage)).toEqual(unsigned(byNode));
    });
  }

  it('the same through a named fragment and inline fragments, several fields together', async () => {
    const leaves = avatarFields.filter((f) => isLeafType(getNamedType(f.type)) && !f.args.length).map((f) => f.name);
    const { onPage, byNode } = await pageAndNodes(
      `... on Avatar { ${leaves[0]} } ...Card`,
      `fragment Card on Avatar { ${leaves.slice(1).join(' ')} }`,
    );
    expect(unsigned(onPage)).toEqual(unsigned(byNode));
    expect(Object.keys(onPage[0] as object).length).toBe(new Set(['id', ...leaves]).size);
  });
});
