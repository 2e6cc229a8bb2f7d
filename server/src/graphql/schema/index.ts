import { lexicographicSortSchema } from 'graphql';
import { builder } from '../builder.ts';
import './errors.ts';
import './user.ts';
import './project.ts';
import './tag.ts';
import './avatar.ts';
import './catalog.ts';
import './api-key.ts';

export const schema = lexicographicSortSchema(builder.toSchema());
