// Variants: the fields saying which request's variants an image or a b-roll is, and keeping one of them.
// Adapters of domain/studio-images/pick-image-variant.ts and domain/b-rolls/pick-b-roll-variant.ts.
import { pickBRollVariant } from '../../domain/b-rolls/pick-b-roll-variant.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { nodeRef } from '../../domain/ids.ts';
import { pickImageVariant } from '../../domain/studio-images/pick-image-variant.ts';
import { builder } from '../builder.ts';
import { actorOf } from '../context.ts';
import { data } from '../docs.ts';
import { BRoll } from './b-roll.ts';
import { Image } from './image.ts';
import { variantDocs as d } from './variants.docs.ts';

builder.prismaObjectFields(Image, (t) => ({
  variantGroupId: t.exposeID('variantGroupId', { nullable: true, description: d.variantGroupId }),
  variantIndex: t.exposeInt('variantIndex', { description: d.variantIndex }),
  variantCount: t.exposeInt('variantCount', { description: d.variantCount }),
}));
builder.prismaObjectFields(BRoll, (t) => ({
  variantGroupId: t.exposeID('variantGroupId', { nullable: true, description: d.variantGroupId }),
  variantIndex: t.exposeInt('variantIndex', { description: d.variantIndex }),
  variantCount: t.exposeInt('variantCount', { description: d.variantCount }),
}));

const PickImageVariantInput = builder.inputType('PickImageVariantInput', {
  description: 'The variant of a generateImage(count) to keep.',
  fields: (t) => ({ id: t.id({ required: true, description: 'The global ID of one of your images.' }) }),
});
const PickBRollVariantInput = builder.inputType('PickBRollVariantInput', {
  description: 'The variant of a createBRoll(count) to keep.',
  fields: (t) => ({ id: t.id({ required: true, description: 'The global ID of one of your b-rolls.' }) }),
});

builder.mutationFields((t) => ({
  pickImageVariant: t.field({
    type: Image,
    authScopes: { user: true },
    description: d.pickImageVariant,
    args: { input: t.arg({ type: PickImageVariantInput, required: true, description: 'What to keep.' }) },
    errors: { types: [NotFoundError], ...data('The image kept, now without a group.') },
    resolve: (_r, { input }, ctx) => pickImageVariant(ctx.deps, actorOf(ctx), { id: nodeRef(input.id, 'Image') }),
  }),
  pickBRollVariant: t.field({
    type: BRoll,
    authScopes: { user: true },
    description: d.pickBRollVariant,
    args: { input: t.arg({ type: PickBRollVariantInput, required: true, description: 'What to keep.' }) },
    errors: { types: [NotFoundError], ...data('The b-roll kept, now without a group.') },
    resolve: (_r, { input }, ctx) => pickBRollVariant(ctx.deps, actorOf(ctx), { id: nodeRef(input.id, 'BRoll') }),
  }),
}));
