// The library and project links: the avatars a project shows, the user's avatars across projects, adding an
// existing avatar to a project (free) and removing it. Adapters of domain/projects and domain/avatars.
import { libraryFilter } from '../../domain/avatars/library.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { addAvatarToProject } from '../../domain/projects/add-avatar-to-project.ts';
import { inProject } from '../../domain/projects/project-avatars.ts';
import { removeAvatarFromProject } from '../../domain/projects/remove-avatar-from-project.ts';
import { builder } from '../builder.ts';
import { actorOf } from '../context.ts';
import { data, operationDoc, WHO } from '../docs.ts';
import { nodeRef } from '../../domain/ids.ts';
import { Avatar, GenerationStatus } from './avatar.ts';
import { Project } from './project.ts';
import { User } from './user.ts';

const avatarsOrder = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];

builder.prismaObjectField(User, 'avatars', (t) =>
  t.relatedConnection('avatars', {
    cursor: 'id',
    totalCount: true,
    description: 'Every avatar you made, in any project (the library), newest first.',
    args: {
      projectId: t.arg.id({ description: 'Only those in this project: made there or added to it.' }),
      status: t.arg({ type: GenerationStatus, description: 'Only those of this status.' }),
    },
    query: (args) => ({
      where: libraryFilter({ projectId: args.projectId ?? null, status: args.status }),
      orderBy: avatarsOrder,
    }),
  }),
);

builder.prismaObjectField(Project, 'avatars', (t) =>
  t.prismaConnection({
    type: 'Avatar',
    cursor: 'id',
    description: 'The avatars made in this project and those added to it (addAvatarToProject), newest first.',
    resolve: (query, project, _args, ctx) =>
      ctx.deps.db.avatar.findMany({ ...query, where: inProject(project.id), orderBy: avatarsOrder }),
    totalCount: (project, _args, ctx) => ctx.deps.db.avatar.count({ where: inProject(project.id) }),
  }),
);

builder.prismaObjectFields(Avatar, (t) => ({
  project: t.relation('project', {
    nullable: true,
    description:
      'The project it was made in (null for a public avatar); listed in another project, it was added there.',
  }),
}));

const AvatarInProjectInput = (name: string) =>
  builder.inputType(name, {
    description: 'A project of yours and an avatar.',
    fields: (t) => ({
      projectId: t.id({ required: true, description: 'The global ID of one of your projects.' }),
      avatarId: t.id({ required: true, description: 'The global ID of the avatar.' }),
    }),
  });
const input = <T extends object>(type: T) =>
  ({ type, required: true, description: 'Which project and avatar.' }) as const;
const refs = (input: { projectId: string | number; avatarId: string | number }) => ({
  projectId: nodeRef(input.projectId, 'Project'),
  avatarId: nodeRef(input.avatarId, 'Avatar'),
});

builder.mutationFields((t) => ({
  addAvatarToProject: t.field({
    type: Avatar,
    description: operationDoc(
      'Adds one of your SUCCEEDED avatars (made in any project) or a public one to a project: a link, with no ' +
        'copy and no generation, so nothing is billed or counted. Adding it again changes nothing; ' +
        'projectUpdated announces it (kind AVATAR).',
      {
        who: WHO.user,
        errors:
          "NotFoundError (no such project of yours; someone else's private or an unfinished public avatar), " +
          'ValidationError (one of yours still PENDING or FAILED).',
      },
    ),
    args: { input: t.arg(input(AvatarInProjectInput('AddAvatarToProjectInput'))) },
    errors: { types: [NotFoundError], ...data('The avatar.') },
    resolve: (_r, { input }, ctx) => addAvatarToProject(ctx.deps, actorOf(ctx), refs(input)),
  }),
  removeAvatarFromProject: t.field({
    type: Avatar,
    description: operationDoc(
      'Takes an avatar added to a project out of it; the avatar stays where it was made (or in the catalog). ' +
        'One not in the project changes nothing; projectUpdated announces it (kind AVATAR, `avatar` null).',
      {
        who: WHO.user,
        errors: 'NotFoundError, ValidationError (an avatar made in this project: delete it instead).',
      },
    ),
    args: { input: t.arg(input(AvatarInProjectInput('RemoveAvatarFromProjectInput'))) },
    errors: { types: [NotFoundError], ...data('The avatar.') },
    resolve: (_r, { input }, ctx) => removeAvatarFromProject(ctx.deps, actorOf(ctx), refs(input)),
  }),
}));
