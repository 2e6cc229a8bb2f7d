import { encodeGlobalID } from '@pothos/plugin-relay';
import { isObjectType, lexicographicSortSchema } from 'graphql';
import { builder, nodeTypes } from '../builder.ts';
import './errors.ts';
import './node.ts';
import './user.ts';
import './project.ts';
import './tag.ts';
import './avatar.ts';
import './catalog.ts';
import './image.ts';
import './avatar-studio.ts';
import './b-roll.ts';
import './api-key.ts';
import './usage.ts';

export const schema = lexicographicSortSchema(builder.toSchema());

for (const type of Object.values(schema.getTypeMap())) {
  if (isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node')) nodeTypes.add(type.name);
}

// The relay plugin resolves every global `id` through an async function, so graphql-js would complete
// every node of a list (a catalog page's avatars) through a promise of its own. Every node's id is its
// `id` column: encode it at once.
for (const name of nodeTypes) {
  const type = schema.getType(name);
  const id = isObjectType(type) ? type.getFields().id : undefined;
  if (id) id.resolve = (parent: { id: string }) => encodeGlobalID(name, parent.id);
}
