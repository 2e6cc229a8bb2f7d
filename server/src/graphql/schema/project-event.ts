// What `projectUpdated` pushes: one ProjectEvent per change in a project, with the new state of what changed.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { inProject } from '../../domain/projects/project-avatars.ts';
import { watchProject } from '../../domain/projects/watch-project.ts';
import { builder } from '../builder.ts';
import { actorOf } from '../context.ts';
import type { Topics } from '../pubsub.ts';
import { projectDocs as d } from './project.docs.ts';

const ProjectEventKind = builder.enumType('ProjectEventKind', { description: d.kind, values: d.kinds });
const typenameOf = {
  PROJECT: 'Project',
  AVATAR: 'Avatar',
  IMAGE: 'Image',
  BROLL: 'BRoll',
  EXPORT: 'ProjectExport',
} as const;
const subjectOf = (kind: Topics['projectUpdated']['kind']) =>
  `When kind is ${kind}: its new state, or null once deleted.`;

// Each field plans its query even when the event is about something else (the plan is read, so Pothos
// does not warn that it went unused).
export const ProjectEvent = builder.objectRef<Topics['projectUpdated']>('ProjectEvent').implement({
  description: 'Something in a project changed; `kind` says what, and the matching field carries its new state.',
  fields: (t) => ({
    kind: t.field({ type: ProjectEventKind, description: 'What changed.', resolve: (e) => e.kind }),
    avatar: t.prismaField({
      type: 'Avatar',
      nullable: true,
      description: 'When kind is AVATAR: its new state, or null once deleted or removed from the project.',
      resolve: (query, e, _args, ctx) => {
        // Built first: its plan includes relations (Avatar.project) and must be read for every event.
        const find = { ...query, where: { id: e.id, ...inProject(e.projectId) } };
        return e.kind === 'AVATAR' ? ctx.deps.db.avatar.findFirst(find) : null;
      },
    }),
    image: t.prismaField({
      type: 'Image',
      nullable: true,
      description: subjectOf('IMAGE'),
      resolve: (query, e, _args, ctx) =>
        e.kind === 'IMAGE' ? ctx.deps.db.image.findUnique({ ...query, where: { id: e.id } }) : null,
    }),
    bRoll: t.prismaField({
      type: 'BRoll',
      nullable: true,
      description: subjectOf('BROLL'),
      resolve: (query, e, _args, ctx) =>
        e.kind === 'BROLL' ? ctx.deps.db.bRoll.findUnique({ ...query, where: { id: e.id } }) : null,
    }),
    subjectId: t.id({
      description: 'Global ID of what changed (also when it was deleted).',
      resolve: (e) => encodeGlobalID(typenameOf[e.kind], e.id),
    }),
    project: t.prismaField({
      type: 'Project',
      nullable: true,
      description: 'Null once the project is deleted.',
      resolve: (query, e, _args, ctx) => ctx.deps.db.project.findUnique({ ...query, where: { id: e.projectId } }),
    }),
  }),
});

builder.subscriptionField('projectUpdated', (t) =>
  t.field({
    type: ProjectEvent,
    description: d.projectUpdated,
    args: { projectId: t.arg.id({ required: true, description: 'The global ID of one of your projects.' }) },
    subscribe: (_root, args, ctx) => watchProject(ctx.deps, actorOf(ctx), { projectId: args.projectId }),
    resolve: (event) => event,
  }),
);
