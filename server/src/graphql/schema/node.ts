import { resolveNodes } from '@pothos/plugin-relay';
import type { GraphQLResolveInfo } from 'graphql';
import { Prisma } from '../../generated/prisma/client.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { operationDoc, WHO } from '../docs.ts';
import { invalid } from '../../domain/errors.ts';
import { decodePublicId } from '../../domain/ids.ts';

export const MAX_NODES = 100;

const Node = builder.nodeInterfaceRef();

/**
 * The node behind a global ID, or null: a malformed ID, the ID of a type that is not a node, and a
 * missing, deleted or hidden row all mean "no such node". Each ID is loaded on its own, so one of them
 * never fails the others.
 */
async function nodeOf(globalId: string, ctx: Context, info: GraphQLResolveInfo): Promise<unknown> {
  const decoded = decodePublicId(globalId);
  if (!decoded) return null;
  try {
    const [node] = await resolveNodes(builder, ctx, info, [decoded]);
    return node ?? null;
  } catch (e) {
    // A node type loaded with findUniqueOrThrow reports a missing row this way.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2025') return null;
    throw e;
  }
}

builder.queryFields((t) => ({
  node: t.field({
    type: Node,
    nullable: true,
    description: operationDoc(
      'The object behind a global ID; null when the ID is malformed, of a deleted row, or of something you may ' +
        "not see (someone else's is indistinguishable from a missing one).",
      { who: `${WHO.anyone} (API keys: catalog avatars and tags)` },
    ),
    args: { id: t.arg.id({ required: true, description: 'A global ID, as `id` fields give it.' }) },
    resolve: (_root, { id }, ctx, info) => nodeOf(id, ctx, info) as never,
  }),
  nodes: t.field({
    type: [Node],
    nullable: { list: false, items: true },
    description: operationDoc('The objects behind global IDs, in the order given; each is null as with `node`.', {
      who: WHO.anyone,
      limits: `at most ${MAX_NODES} IDs (BAD_USER_INPUT on \`ids\` beyond).`,
    }),
    args: { ids: t.arg.idList({ required: true, description: `Global IDs, at most ${MAX_NODES}.` }) },
    resolve: (_root, { ids }, ctx, info) => {
      if (ids.length > MAX_NODES) throw invalid(['ids'], `At most ${MAX_NODES} IDs.`);
      return Promise.all(ids.map((id) => nodeOf(id, ctx, info))) as never;
    },
  }),
}));
