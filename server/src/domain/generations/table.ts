// A generation table (its typed row access) and the kinds whose rows it holds. `bindTable` joins them
// into the one untyped-row view the pipeline iterates; each kind keeps its own row type inside.
import type { z } from 'zod';
import type { FalModel } from '../../fal/models.ts';
import { settleColumns, type ColumnsOf, type SettleWrite } from './settle-statement.ts';
import type { Db, FalResult, GenerationSubject, GenerationView, PipelineDeps, Stored, Tx } from './types.ts';

export interface Submitted {
  falRequestId: string;
  submittedAt: Date;
  falModel: string;
  estimatedCostUsd: number;
}

export interface Table<Row, Data extends ColumnsOf<Data>> {
  subject: GenerationSubject;
  /** Its SQL name: for its settle statement and those that iterate the tables (limits, reconciler, cleanup). */
  sqlName: string;
  /** Images and videos have deadlines of their own. */
  deadline: 'image' | 'video';
  /** A column naming the studio image a row still needs (kept by the TTL sweep): by its id or its key. */
  studioImageRef?: { column: string; by: 'id' | 'storagePath' };
  find(db: Db | Tx, id: string): Promise<Row | null>;
  view(row: Row): GenerationView;
  pending(db: Db, before: Date, take: number): Promise<GenerationView[]>;
  idByRequest(db: Db, requestId: string): Promise<string | null>;
  /**
   * The other rows sharing the fal request of row `id` (image variants: one request, `num_images` rows), found
   * by its group, or by `requestId` when the row is gone. Absent for a table whose rows each have their own.
   */
  requestMates?(db: Db | Tx, id: string, requestId: string | undefined): Promise<string[]>;
}

/** One kind of generation: declared once, in its own module under kinds/. */
export interface KindSpec<Row, Data extends ColumnsOf<Data>, Input> {
  name: string;
  /** The `source` of its rows (GenerationView.source); null when its table has one kind. */
  source: string | null;
  model: FalModel;
  input: z.ZodType<Input>;
  falInput(input: Input): Record<string, unknown>;
  /** Estimated USD of one row of a submission (fal/models.ts prices): a request of n images is n rows. */
  estimateCost(deps: PipelineDeps, id: string, falInput: Record<string, unknown>): Promise<number>;
  /** fal's result as the row of `variantIndex` reads it (its own image of `images[]`). */
  parse(payload: unknown, variantIndex: number): FalResult;
  store(deps: PipelineDeps, row: Row, result: Exclude<FalResult, { kind: 'failed' }>): Promise<Stored<Data>>;
  publish(deps: PipelineDeps, row: Row, status: GenerationView['status']): Promise<void>;
}

/** A kind with its row type hidden: what the registry lists. */
export interface KindInfo {
  name: string;
  subject: GenerationSubject;
  source: string | null;
  model: FalModel;
  estimateCost(deps: PipelineDeps, id: string, falInput: Record<string, unknown>): Promise<number>;
}

/** A row read with its kind: what applying an outcome needs, without its type. */
export interface Loaded {
  view: GenerationView;
  kind: KindInfo;
  parse(payload: unknown): FalResult;
  store(deps: PipelineDeps, result: Exclude<FalResult, { kind: 'failed' }>): Promise<Settlement>;
  publish(deps: PipelineDeps, status: GenerationView['status']): Promise<void>;
}

export type Settlement =
  | { kind: 'succeeded'; write: SettleWrite; after?: (deps: PipelineDeps) => Promise<void> }
  | { kind: 'failed'; reason: string }
  | { kind: 'cancelled' };

export interface GenerationTable {
  subject: GenerationSubject;
  sqlName: string;
  deadline: 'image' | 'video';
  studioImageRef?: { column: string; by: 'id' | 'storagePath' };
  kinds: readonly KindInfo[];
  load(db: Db | Tx, id: string): Promise<Loaded | null>;
  pending(db: Db, before: Date, take: number): Promise<GenerationView[]>;
  idByRequest(db: Db, requestId: string): Promise<string | null>;
  requestMates(db: Db | Tx, id: string, requestId: string | undefined): Promise<string[]>;
}

/** A kind's input type is its own business (the use case that builds it imports the kind itself). */
type AnyKind<Row, Data extends ColumnsOf<Data>> = KindSpec<Row, Data, unknown>;

export function bindTable<Row, Data extends ColumnsOf<Data>>(
  table: Table<Row, Data>,
  specs: readonly AnyKind<Row, Data>[],
): GenerationTable {
  const info = (spec: AnyKind<Row, Data>): KindInfo => ({
    name: spec.name,
    subject: table.subject,
    source: spec.source,
    model: spec.model,
    estimateCost: (deps, id, falInput) => spec.estimateCost(deps, id, falInput),
  });
  const kinds = specs.map((spec) => ({ spec, info: info(spec) }));
  const { subject, sqlName, deadline, studioImageRef } = table;
  return {
    subject,
    sqlName,
    deadline,
    ...(studioImageRef ? { studioImageRef } : {}),
    kinds: kinds.map((k) => k.info),
    async load(db, id) {
      const row = await table.find(db, id);
      if (!row) return null;
      const view = table.view(row);
      // The kind it was submitted as (its model), else the kind of its source (not submitted yet).
      const bySource = kinds.filter((k) => k.spec.source === view.source);
      const kind = bySource.find((k) => k.spec.model === view.falModel) ?? bySource[0] ?? kinds[0]!;
      return {
        view,
        kind: kind.info,
        parse: (payload) => kind.spec.parse(payload, view.variantIndex),
        publish: (deps, status) => kind.spec.publish(deps, row, status),
        async store(deps, result): Promise<Settlement> {
          const stored = await kind.spec.store(deps, row, result);
          if (stored.kind === 'failed') return stored;
          return {
            kind: 'succeeded',
            write: {
              status: 'SUCCEEDED',
              columns: settleColumns(stored.data),
              ...(stored.also ? { also: stored.also } : {}),
            },
            ...(stored.after ? { after: stored.after } : {}),
          };
        },
      };
    },
    pending: (db, before, take) => table.pending(db, before, take),
    idByRequest: (db, requestId) => table.idByRequest(db, requestId),
    requestMates: async (db, id, requestId) => (table.requestMates ? table.requestMates(db, id, requestId) : []),
  };
}

/** The columns of a GenerationView every generation table has (`source` only where a table holds several kinds). */
export const VIEW_COLUMNS = {
  id: true,
  userId: true,
  projectId: true,
  status: true,
  falRequestId: true,
  falModel: true,
  createdAt: true,
} as const;

/** A row's GenerationView, from the VIEW_COLUMNS (and `source`, when its table has one). */
export const viewOf = (
  r: Pick<GenerationView, keyof typeof VIEW_COLUMNS> & {
    source?: GenerationView['source'];
    variantIndex?: number;
  },
): GenerationView => ({
  id: r.id,
  userId: r.userId,
  projectId: r.projectId,
  status: r.status,
  falRequestId: r.falRequestId,
  falModel: r.falModel,
  createdAt: r.createdAt,
  source: r.source ?? null,
  variantIndex: r.variantIndex ?? 0,
});
