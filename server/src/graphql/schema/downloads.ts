// `downloadUrl` on images, avatars and b-rolls: adapters of domain/downloads.
import { downloadUrl } from '../../domain/downloads/download-url.ts';
import { avatarMedia, bRollMedia, imageMedia } from '../../domain/downloads/media.ts';
import { builder } from '../builder.ts';
import { actorOf } from '../context.ts';
import { Avatar } from './avatar.ts';
import { BRoll } from './b-roll.ts';
import { Image } from './image.ts';

const description = (what: string) =>
  `Presigned GET URL (15 minutes) that saves ${what} under a readable name (Content-Disposition: attachment); ` +
  'null unless SUCCEEDED.';

builder.prismaObjectFields(Image, (t) => ({
  downloadUrl: t.string({
    nullable: true,
    description: description('the image'),
    select: { status: true, storagePath: true, prompt: true, source: true, userId: true },
    resolve: (i, _a, ctx) => downloadUrl(ctx.deps, actorOf(ctx), { media: imageMedia(i), ownerId: i.userId }),
  }),
}));

builder.prismaObjectFields(Avatar, (t) => ({
  downloadUrl: t.string({
    nullable: true,
    description: description('the MP4') + ' Anyone may download a public avatar; a private one only its owner.',
    resolve: (a, _a, ctx) =>
      downloadUrl(ctx.deps, actorOf(ctx), {
        media: avatarMedia(a),
        // A catalog page reads its rows without the owner (schema/catalog.ts): all of them are public.
        ownerId: a.userId ?? null,
        isPublic: a.visibility === 'PUBLIC',
      }),
  }),
}));

builder.prismaObjectFields(BRoll, (t) => ({
  downloadUrl: t.string({
    nullable: true,
    description: description('the MP4'),
    select: { status: true, videoStoragePath: true, name: true, userId: true },
    resolve: (b, _a, ctx) => downloadUrl(ctx.deps, actorOf(ctx), { media: bRollMedia(b), ownerId: b.userId }),
  }),
}));
