import { encodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import type { PrismaClient } from '../../db.ts';
import { z } from 'zod';
import { builder } from '../builder.ts';
import { NotFoundError } from '../errors.ts';
import { localId, localIdOrNull } from '../ids.ts';
import type { Topics } from '../pubsub.ts';
import { User } from './user.ts';

const name = z.string().trim().min(1, 'Required.').max(100, 'At most 100 characters.');

export const Project = builder.prismaNode('Project', {
  id: { field: 'id' },
  nullable: true,
  // Another user's project is indistinguishable from a missing one.
  findUnique: (id, ctx) => ({ id, ownerId: ctx.viewer?.id ?? '' }),
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
    authScopes: { user: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = localIdOrNull(String(args.id), 'Project');
      return id ? ctx.deps.db.project.findFirst({ ...query, where: { id, ownerId: ctx.viewer!.id } }) : null;
    },
  }),
);

/** The caller's project or a NotFoundError: never reveals that someone else's exists. */
export async function ownProject(db: PrismaClient, globalId: string, userId: string) {
  const id = localId(globalId, 'Project');
  const project = await db.project.findFirst({ where: { id, ownerId: userId } });
  if (!project) throw new NotFoundError('Project', globalId);
  return project;
}

const CreateProjectInput = builder.inputType('CreateProjectInput', {
  fields: (t) => ({ name: t.string({ required: true, validate: name }) }),
});
const RenameProjectInput = builder.inputType('RenameProjectInput', {
  fields: (t) => ({ id: t.id({ required: true }), name: t.string({ required: true, validate: name }) }),
});
const DeleteProjectInput = builder.inputType('DeleteProjectInput', {
  fields: (t) => ({ id: t.id({ required: true }) }),
});

builder.mutationField('createProject', (t) =>
  t.field({
    type: Project,
    authScopes: { user: true },
    args: { input: t.arg({ type: CreateProjectInput, required: true }) },
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.deps.db.project.create({ data: { name: input.name.trim(), ownerId: ctx.viewer!.id } }),
  }),
);

builder.mutationField('renameProject', (t) =>
  t.field({
    type: Project,
    authScopes: { user: true },
    args: { input: t.arg({ type: RenameProjectInput, required: true }) },
    errors: { types: [NotFoundError] },
    resolve: async (_root, { input }, ctx) => {
      const project = await ownProject(ctx.deps.db, String(input.id), ctx.viewer!.id);
      const updated = await ctx.deps.db.project.update({ where: { id: project.id }, data: { name: input.name.trim() } });
      await ctx.pubsub.publish('projectUpdated', project.id, { projectId: project.id, kind: 'PROJECT', id: project.id });
      return updated;
    },
  }),
);

builder.mutationField('deleteProject', (t) =>
  t.id({
    authScopes: { user: true },
    description: 'Deletes the project with its images, avatars and b-rolls, rows and objects. `data` is the deleted ID.',
    args: { input: t.arg({ type: DeleteProjectInput, required: true }) },
    errors: { types: [NotFoundError] },
    resolve: async (_root, { input }, ctx) => {
      const project = await ownProject(ctx.deps.db, String(input.id), ctx.viewer!.id);
      // The project takes everything made in it: rows (images and b-rolls by cascade) and their objects.
      const [images, bRolls, avatars] = await Promise.all([
        ctx.deps.db.image.findMany({ where: { projectId: project.id }, select: { storagePath: true } }),
        ctx.deps.db.bRoll.findMany({ where: { projectId: project.id }, select: { videoStoragePath: true, thumbnailStoragePath: true } }),
        ctx.deps.db.avatar.findMany({ where: { projectId: project.id }, select: { imageStoragePath: true, videoStoragePath: true } }),
      ]);
      await ctx.deps.db.$transaction([ctx.deps.db.avatar.deleteMany({ where: { projectId: project.id } }), ctx.deps.db.project.delete({ where: { id: project.id } })]);
      const objects = [
        ...images.map((i) => i.storagePath),
        ...bRolls.flatMap((b) => [b.videoStoragePath, b.thumbnailStoragePath]),
        ...avatars.flatMap((a) => [a.imageStoragePath, a.videoStoragePath]),
        // uploads that were never registered
        ...(await ctx.storage.list(`images/temp-generated/${project.ownerId}/${project.id}/`)),
      ];
      await ctx.storage.remove([...new Set(objects.filter((k): k is string => !!k))]);
      await ctx.pubsub.publish('projectUpdated', project.id, { projectId: project.id, kind: 'PROJECT', id: project.id });
      return String(input.id);
    },
  }),
);

const ProjectEventKind = builder.enumType('ProjectEventKind', { values: ['PROJECT', 'AVATAR', 'IMAGE', 'BROLL'] as const });

// Each field plans its query even when the event is about something else (the plan is read, so Pothos
// does not warn that it went unused).
const ProjectEvent = builder.objectRef<Topics['projectUpdated']>('ProjectEvent').implement({
  description: 'Something in a project changed; `kind` says what, and the matching field carries its new state.',
  fields: (t) => ({
    kind: t.field({ type: ProjectEventKind, resolve: (e) => e.kind }),
    avatar: t.prismaField({
      type: 'Avatar',
      nullable: true,
      description: 'When kind is AVATAR: its new state, or null once deleted.',
      resolve: (query, e, _args, ctx) => {
        const args = { ...query, where: { id: e.id } };
        return e.kind === 'AVATAR' ? ctx.deps.db.avatar.findUnique(args) : null;
      },
    }),
    image: t.prismaField({
      type: 'Image',
      nullable: true,
      description: 'When kind is IMAGE: its new state, or null once deleted.',
      resolve: (query, e, _args, ctx) => {
        const args = { ...query, where: { id: e.id } };
        return e.kind === 'IMAGE' ? ctx.deps.db.image.findUnique(args) : null;
      },
    }),
    bRoll: t.prismaField({
      type: 'BRoll',
      nullable: true,
      description: 'When kind is BROLL: its new state, or null once deleted.',
      resolve: (query, e, _args, ctx) => {
        const args = { ...query, where: { id: e.id } };
        return e.kind === 'BROLL' ? ctx.deps.db.bRoll.findUnique(args) : null;
      },
    }),
    subjectId: t.id({ description: 'Global ID of what changed (also when it was deleted).', resolve: (e) => encodeGlobalID(e.kind === 'PROJECT' ? 'Project' : e.kind === 'AVATAR' ? 'Avatar' : e.kind === 'IMAGE' ? 'Image' : 'BRoll', e.id) }),
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
    authScopes: { user: true },
    args: { projectId: t.arg.id({ required: true }) },
    subscribe: async (_root, args, ctx) => {
      const id = localIdOrNull(String(args.projectId), 'Project');
      const project = id && (await ctx.deps.db.project.findFirst({ where: { id, ownerId: ctx.viewer!.id }, select: { id: true } }));
      if (!project) throw new GraphQLError(`Project ${args.projectId} was not found.`, { extensions: { code: 'NOT_FOUND' } });
      return ctx.pubsub.subscribe('projectUpdated', project.id);
    },
    resolve: (event) => event,
  }),
);
