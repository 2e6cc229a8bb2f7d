import { encodeGlobalID } from '@pothos/plugin-relay';
import { NotFoundError } from '../../domain/errors.ts';
import { displayName } from '../../domain/fields.ts';
import { createProject } from '../../domain/projects/create-project.ts';
import { deleteProject } from '../../domain/projects/delete-project.ts';
import { getProject } from '../../domain/projects/get-project.ts';
import { inProject } from '../../domain/projects/project-avatars.ts';
import { renameProject } from '../../domain/projects/rename-project.ts';
import { visibleProject } from '../../domain/projects/visible-project.ts';
import { watchProject } from '../../domain/projects/watch-project.ts';
import { builder } from '../builder.ts';
import { actorOf } from '../context.ts';
import type { Topics } from '../pubsub.ts';
import { User } from './user.ts';

// Adapters: each use case authorizes its actor itself (sign-in, admin, ownership), so no field here
// carries auth scopes; its refusals reach clients as UNAUTHENTICATED, FORBIDDEN or NotFoundError.

export const Project = builder.prismaNode('Project', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => visibleProject(actorOf(ctx), id),
  fields: (t) => ({
    name: t.exposeString('name'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectField(User, 'projects', (t) =>
  t.relatedConnection('projects', {
    cursor: 'id',
    totalCount: true,
    query: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] },
  }),
);

builder.queryField('project', (t) =>
  t.prismaField({
    type: 'Project',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => getProject(ctx.deps, actorOf(ctx), { projectId: args.id, shape: query }),
  }),
);

const CreateProjectInput = builder.inputType('CreateProjectInput', {
  fields: (t) => ({ name: t.string({ required: true, validate: displayName }) }),
});
const RenameProjectInput = builder.inputType('RenameProjectInput', {
  fields: (t) => ({ id: t.id({ required: true }), name: t.string({ required: true, validate: displayName }) }),
});
const DeleteProjectInput = builder.inputType('DeleteProjectInput', {
  fields: (t) => ({ id: t.id({ required: true }) }),
});

builder.mutationField('createProject', (t) =>
  t.field({
    type: Project,
    args: { input: t.arg({ type: CreateProjectInput, required: true }) },
    errors: {},
    resolve: (_root, { input }, ctx) => createProject(ctx.deps, actorOf(ctx), input),
  }),
);

builder.mutationField('renameProject', (t) =>
  t.field({
    type: Project,
    args: { input: t.arg({ type: RenameProjectInput, required: true }) },
    errors: { types: [NotFoundError] },
    resolve: (_root, { input }, ctx) =>
      renameProject(ctx.deps, actorOf(ctx), { projectId: input.id, name: input.name }),
  }),
);

builder.mutationField('deleteProject', (t) =>
  t.id({
    description:
      'Deletes the project with its images, avatars and b-rolls, rows and objects. `data` is the deleted ID.',
    args: { input: t.arg({ type: DeleteProjectInput, required: true }) },
    errors: { types: [NotFoundError] },
    resolve: async (_root, { input }, ctx) =>
      (await deleteProject(ctx.deps, actorOf(ctx), { projectId: input.id })).projectId,
  }),
);

const ProjectEventKind = builder.enumType('ProjectEventKind', {
  values: ['PROJECT', 'AVATAR', 'IMAGE', 'BROLL', 'EXPORT'] as const,
});
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
    kind: t.field({ type: ProjectEventKind, resolve: (e) => e.kind }),
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
    args: { projectId: t.arg.id({ required: true }) },
    subscribe: (_root, args, ctx) => watchProject(ctx.deps, actorOf(ctx), { projectId: args.projectId }),
    resolve: (event) => event,
  }),
);
