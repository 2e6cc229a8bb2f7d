// Project exports: a ZIP of a project's finished media and a manifest. Adapters of domain/exports.
import { exportProject } from '../../domain/exports/export-project.ts';
import { exportUrl } from '../../domain/exports/export-url.ts';
import { latestExport } from '../../domain/exports/latest-export.ts';
import { builder } from '../builder.ts';
import { actorOf } from '../context.ts';
import { data, operationDoc, WHO } from '../docs.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { ProjectEvent } from './project-event.ts';
import { Project } from './project.ts';

const ExportStatus = builder.enumType('ExportStatus', {
  values: {
    PENDING: { description: 'The ZIP is being built (a job, retried up to 3 times).' },
    SUCCEEDED: { description: 'The ZIP is stored: `url` is set until `expiresAt`.' },
    FAILED: { description: 'It could not be built after its last attempt: see `failureReason`.' },
  } as const,
  description: 'PENDING while the ZIP is built, then SUCCEEDED (its url) or FAILED (with a reason).',
});

export const ProjectExport = builder.prismaNode('ProjectExport', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id, userId: ctx.viewer?.id ?? '' }),
  description: "A ZIP of a project's SUCCEEDED images, avatars and b-rolls with a manifest.json, kept 24 hours.",
  fields: (t) => ({
    status: t.expose('status', { type: ExportStatus, description: 'Where the build stands.' }),
    failureReason: t.exposeString('failureReason', { nullable: true, description: 'Why it FAILED; null otherwise.' }),
    itemCount: t.exposeInt('itemCount', { nullable: true, description: 'Files in the ZIP besides the manifest.' }),
    byteSize: t.float({
      nullable: true,
      description: 'Size of the ZIP in bytes (a Float: it may pass 2³¹); null until SUCCEEDED.',
      select: { byteSize: true },
      resolve: (e) => (e.byteSize === null ? null : Number(e.byteSize)),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was asked for.' }),
    expiresAt: t.expose('expiresAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the ZIP is deleted; null until SUCCEEDED.',
    }),
    project: t.relation('project', { description: 'The project exported.' }),
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
  description: 'The project to export.',
  fields: (t) => ({ projectId: t.id({ required: true, description: 'The global ID of one of your projects.' }) }),
});

builder.mutationField('exportProject', (t) =>
  t.field({
    type: ProjectExport,
    authScopes: { user: true },
    description: operationDoc(
      "Starts a ZIP of the project's SUCCEEDED media with a manifest.json (PENDING at once; projectUpdated, " +
        'kind EXPORT, tells when it is built), or returns the export already being built.',
      {
        who: WHO.user,
        limits: 'one export building per project at a time; a ZIP is kept EXPORT_TTL_HOURS (24).',
        errors: "NotFoundError (missing or someone else's project), ValidationError.",
      },
    ),
    args: { input: t.arg({ type: ExportProjectInput, required: true, description: 'Which project.' }) },
    errors: { types: [NotFoundError], ...data('The export, PENDING (or the one already being built).') },
    resolve: (_r, { input }, ctx) => exportProject(ctx.deps, actorOf(ctx), { projectId: input.projectId }),
  }),
);
