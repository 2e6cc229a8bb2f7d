import { encodeGlobalID } from '@pothos/plugin-relay';
import { isObjectType, lexicographicSortSchema } from 'graphql';
import { builder } from '../builder.ts';
import { PUBLIC_ID_TYPES } from '../../domain/ids.ts';
import './errors.ts';
import './node.ts';
import './user.ts';
import './project.ts';
import './project-event.ts';
import './tag.ts';
import './tag-admin.ts';
import './avatar.ts';
import './catalog.ts';
import './image.ts';
import './image-upload.ts';
import './avatar-studio.ts';
import './library.ts';
import './b-roll.ts';
import './b-roll-studio.ts';
import './variants.ts';
import './formats.ts';
import './downloads.ts';
import './project-export.ts';
import './api-key.ts';
import './usage.ts';
import './quote.ts';
import './admin.ts';
import './generation.ts';

export const schema = lexicographicSortSchema(builder.toSchema());

/** The object types of `schema` that implement Node. */
export const nodeTypesOf = (s: typeof schema): string[] =>
  Object.values(s.getTypeMap())
    .filter((t) => isObjectType(t) && t.getInterfaces().some((i) => i.name === 'Node'))
    .map((t) => t.name);

const nodeTypes = nodeTypesOf(schema);
// PUBLIC_ID_TYPES is what global IDs are checked against: it must name exactly the schema's nodes.
if (nodeTypes.length !== PUBLIC_ID_TYPES.size || nodeTypes.some((n) => !PUBLIC_ID_TYPES.has(n))) {
  throw new Error(
    `domain/ids.ts lists ${[...PUBLIC_ID_TYPES].join(', ')}; the schema's nodes are ${nodeTypes.join(', ')}`,
  );
}

// The relay plugin resolves every global `id` through an async function, so graphql-js would complete
// every node of a list (a catalog page's avatars) through a promise of its own. Every node's id is its
// `id` column: encode it at once.
for (const name of nodeTypes) {
  const type = schema.getType(name);
  const id = isObjectType(type) ? type.getFields().id : undefined;
  if (id) id.resolve = (parent: { id: string }) => encodeGlobalID(name, parent.id);
}
