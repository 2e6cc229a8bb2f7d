import { NotFoundError } from '../../domain/errors.ts';
import { displayName } from '../../domain/fields.ts';
import { createProject } from '../../domain/projects/create-project.ts';
import { deleteProject } from '../../domain/projects/delete-project.ts';
import { getProject } from '../../domain/projects/get-project.ts';
import { renameProject } from '../../domain/projects/rename-project.ts';
import { visibleProject } from '../../domain/projects/visible-project.ts';
import { builder } from '../builder.ts';
import { actorOf } from '../context.ts';
import { data } from '../docs.ts';
import { projectDocs as d } from './project.docs.ts';
import { User } from './user.ts';

// Adapters: each use case authorizes its actor itself (sign-in, admin, ownership), so no field here
// carries auth scopes; its refusals reach clients as UNAUTHENTICATED, FORBIDDEN or NotFoundError.
// ProjectEvent and the projectUpdated subscription are in project-event.ts.

export const Project = builder.prismaNode('Project', {
  id: { field: 'id' },
  nullable: true,
  description: d.Project,
  findUnique: (id, ctx) => visibleProject(actorOf(ctx), id),
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Display name, 1–100 characters.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it was last renamed or changed.' }),
  }),
});

builder.prismaObjectField(User, 'projects', (t) =>
  t.relatedConnection('projects', {
    cursor: 'id',
    totalCount: true,
    description: d.projects,
    query: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] },
  }),
);

builder.queryField('project', (t) =>
  t.prismaField({
    type: 'Project',
    nullable: true,
    description: d.project,
    args: { id: t.arg.id({ required: true, description: 'The global ID of the project.' }) },
    resolve: (query, _root, args, ctx) => getProject(ctx.deps, actorOf(ctx), { projectId: args.id, shape: query }),
  }),
);

const name = () => ({ required: true, description: d.name, validate: displayName }) as const;
const projectId = () => ({ required: true, description: 'The global ID of one of your projects.' }) as const;
const CreateProjectInput = builder.inputType('CreateProjectInput', {
  description: 'A new, empty project.',
  fields: (t) => ({ name: t.string(name()) }),
});
const RenameProjectInput = builder.inputType('RenameProjectInput', {
  description: 'A project and its new name.',
  fields: (t) => ({ id: t.id(projectId()), name: t.string(name()) }),
});
const DeleteProjectInput = builder.inputType('DeleteProjectInput', {
  description: 'The project to delete.',
  fields: (t) => ({ id: t.id(projectId()) }),
});

builder.mutationField('createProject', (t) =>
  t.field({
    type: Project,
    description: d.createProject,
    args: { input: t.arg({ type: CreateProjectInput, required: true, description: 'The new project.' }) },
    errors: data('The new project.'),
    resolve: (_root, { input }, ctx) => createProject(ctx.deps, actorOf(ctx), input),
  }),
);

builder.mutationField('renameProject', (t) =>
  t.field({
    type: Project,
    description: d.renameProject,
    args: { input: t.arg({ type: RenameProjectInput, required: true, description: 'Which project, and its name.' }) },
    errors: { types: [NotFoundError], ...data('The renamed project.') },
    resolve: (_root, { input }, ctx) =>
      renameProject(ctx.deps, actorOf(ctx), { projectId: input.id, name: input.name }),
  }),
);

builder.mutationField('deleteProject', (t) =>
  t.id({
    description: d.deleteProject,
    args: { input: t.arg({ type: DeleteProjectInput, required: true, description: 'Which project.' }) },
    errors: { types: [NotFoundError], ...data('The global ID of the deleted project.') },
    resolve: async (_root, { input }, ctx) =>
      (await deleteProject(ctx.deps, actorOf(ctx), { projectId: input.id })).projectId,
  }),
);
