import { isObjectType, lexicographicSortSchema } from 'graphql';
import { builder, nodeTypes } from '../builder.ts';
import './errors.ts';
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
