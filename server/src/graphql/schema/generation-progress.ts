// Live progress of a PENDING image, avatar or b-roll (`progress`): an adapter of domain/generations/progress.ts.
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import {
  progressRows,
  progressView,
  typicalSeconds,
  type ProgressRow,
  type ProgressView,
} from '../../domain/generations/progress.ts';
import type { GenerationSubject } from '../../domain/generations/types.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';

export const GenerationProgress = builder.objectRef<ProgressView>('GenerationProgress').implement({
  description: "What fal's queue says of a PENDING generation, polled every few seconds.",
  fields: (t) => ({
    queuePosition: t.exposeInt('queuePosition', {
      nullable: true,
      description: "Place in fal's queue while waiting there (1 = next); null once it runs.",
    }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true, description: 'When it started running.' }),
    elapsedSeconds: t.exposeInt('elapsedSeconds', { description: 'Since it was submitted.' }),
    etaSeconds: t.exposeInt('etaSeconds', {
      nullable: true,
      description:
        "Seconds left by the median duration of the model's recent successes (0: past it); null without any.",
    }),
    logs: t.exposeStringList('logs', { description: "The generator's latest log lines, oldest first." }),
  }),
});

const NO_CACHE = { cache: false };

// Batched but never cached: a subscription keeps one context for all its events, and progress changes.
const loaders = createContextCache((ctx: Context) => ({
  // Keys are `${kind}:${id}`: one statement per kind for all the rows a request resolves.
  rows: new DataLoader<string, ProgressRow | undefined>(async (keys) => {
    const byKind = new Map<GenerationSubject, string[]>();
    for (const key of keys) {
      const [kind, id] = key.split(':') as [GenerationSubject, string];
      byKind.set(kind, [...(byKind.get(kind) ?? []), id]);
    }
    const found = new Map<string, ProgressRow>();
    for (const [kind, ids] of byKind)
      for (const [id, row] of await progressRows(ctx.deps.db, kind, ids)) found.set(`${kind}:${id}`, row);
    return keys.map((k) => found.get(k));
  }, NO_CACHE),
  typical: new DataLoader<string, number | null>(async (models) => {
    const medians = await typicalSeconds(ctx.deps.db, models);
    return models.map((m) => medians.get(m) ?? null);
  }, NO_CACHE),
}));

interface PendingRow {
  id: string;
  status: string;
  falModel: string | null;
  submittedAt: Date | null;
  createdAt: Date;
}

/** The `progress` field's resolver for a kind's rows: null unless PENDING. */
export const progressOf =
  (kind: GenerationSubject) =>
  async (row: PendingRow, _args: object, ctx: Context): Promise<ProgressView | null> => {
    if (row.status !== 'PENDING') return null;
    const { rows, typical } = loaders(ctx);
    const [stored, median] = await Promise.all([
      rows.load(`${kind}:${row.id}`),
      row.falModel ? typical.load(row.falModel) : null,
    ]);
    return progressView(row, stored, median);
  };
