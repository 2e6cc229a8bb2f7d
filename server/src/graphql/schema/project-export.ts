// Project exports: a ZIP of a project's finished media and a manifest. Adapters of domain/exports.
import { exportProject } from '../../domain/exports/export-project.ts';
import { exportUrl } from '../../domain/exports/export-url.ts';
import { latestExport } from '../../domain/exports/latest-export.ts';
import { builder } from '../builder.ts';
import { actorOf } from '../context.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { ProjectEvent } from './project-event.ts';
import { Project } from './project.ts';

const ExportStatus = builder.enumType('ExportStatus', {
  values: ['PENDING', 'SUCCEEDED', 'FAILED'] as const,
  description: 'PENDING while the ZIP is built, then SUCCEEDED (its url) or FAILED (with a reason).',
});

export const ProjectExport = builder.prismaNode('ProjectExport', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id, userId: ctx.viewer?.id ?? '' }),
  description: "A ZIP of a project's SUCCEEDED images, avatars and b-rolls with a manifest.json, kept 24 hours.",
  fields: (t) => ({
    status: t.expose('status', { type: ExportStatus }),
    failureReason: t.exposeString('failureReason', { nullable: true }),
    itemCount: t.exposeInt('itemCount', { nullable: true, description: 'Files in the ZIP besides the manifest.' }),
    byteSize: t.float({
      nullable: true,
      select: { byteSize: true },
      resolve: (e) => (e.byteSize === null ? null : Number(e.byteSize)),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the ZIP is deleted; null until SUCCEEDED.',
    }),
    project: t.relation('project'),
    url: t.string({
      nullable: true,
      description: 'Presigned GET URL of the ZIP (15 minutes at most, never past expiresAt); null unless SUCCEEDED.',
      select: { userId: true, status: true, storagePath: true, expiresAt: true, project: { select: { name: true } } },
      resolve: (e, _a, ctx) => exportUrl(ctx.deps, actorOf(ctx), { ...e, projectName: e.project.name }),
    }),
  }),
});

builder.prismaObjectField(Project, 'latestExport', (t) =>
  t.prismaField({
    type: 'ProjectExport',
    nullable: true,
    description: 'The newest export of the project, whatever its status (expired ones are deleted).',
    resolve: (query, project, _a, ctx) => latestExport(ctx.deps, { projectId: project.id, shape: query }),
  }),
);

builder.objectField(ProjectEvent, 'export', (t) =>
  t.prismaField({
    type: 'ProjectExport',
    nullable: true,
    description: 'When kind is EXPORT: its new state, or null once deleted.',
    resolve: (query, e, _args, ctx) => {
      // Built first: its plan (ProjectExport.project) must be read for every event, or Pothos warns it went unused.
      const find = { ...query, where: { id: e.id } };
      return e.kind === 'EXPORT' ? ctx.deps.db.projectExport.findUnique(find) : null;
    },
  }),
);

const ExportProjectInput = builder.inputType('ExportProjectInput', {
  fields: (t) => ({ projectId: t.id({ required: true }) }),
});

builder.mutationField('exportProject', (t) =>
  t.field({
    type: ProjectExport,
    authScopes: { user: true },
    description:
      'Starts a ZIP of the project (PENDING at once; projectUpdated, kind EXPORT, tells when it is built), ' +
      'or returns the export already being built.',
    args: { input: t.arg({ type: ExportProjectInput, required: true }) },
    errors: { types: [NotFoundError] },
    resolve: (_r, { input }, ctx) => exportProject(ctx.deps, actorOf(ctx), { projectId: input.projectId }),
  }),
);
