// The one place that publishes. Use cases call these after their write has committed; resolvers never
// publish. Subscribers re-read what changed, so an event names the subject, never its data. Publishing
// returns at once (the fan-out runs after), so awaiting these never waits for subscribers.
// Typed by what each needs, not by Deps: the generation pipeline (itself in Deps) publishes through here.
import type { Catalog } from '../catalog/catalog.ts';
import type { PubSub } from '../graphql/pubsub.ts';

export type GenerationSubject = 'AVATAR' | 'IMAGE' | 'BROLL';

/** A project's own fields changed (its name). */
export async function projectChanged(deps: { pubsub: PubSub }, projectId: string): Promise<void> {
  deps.pubsub.publish('projectUpdated', projectId, { projectId, kind: 'PROJECT', id: projectId });
}

/**
 * An image, avatar or b-roll changed (created, progressed, finished, renamed, deleted): its own topic
 * (avatars and b-rolls have one) and its project's.
 */
export async function generationChanged(
  deps: { pubsub: PubSub },
  subject: { kind: GenerationSubject; id: string; projectId: string | null },
): Promise<void> {
  if (subject.kind === 'AVATAR') deps.pubsub.publish('avatarUpdated', subject.id, { avatarId: subject.id });
  if (subject.kind === 'BROLL') deps.pubsub.publish('bRollUpdated', subject.id, { bRollId: subject.id });
  if (subject.projectId) {
    deps.pubsub.publish('projectUpdated', subject.projectId, {
      projectId: subject.projectId,
      kind: subject.kind,
      id: subject.id,
    });
  }
}

/** A project export was asked for, built, failed or deleted. */
export async function exportChanged(deps: { pubsub: PubSub }, e: { id: string; projectId: string }): Promise<void> {
  deps.pubsub.publish('projectUpdated', e.projectId, { projectId: e.projectId, kind: 'EXPORT', id: e.id });
}
/**
 * An avatar joined or left projects it was not made in (a link added or removed), or changed while added
 * to them: each such project's subscribers re-read it (null once it is no longer in their project).
 */
export async function avatarLinksChanged(
  deps: { pubsub: PubSub },
  avatarId: string,
  projectIds: readonly string[],
): Promise<void> {
  for (const projectId of new Set(projectIds))
    deps.pubsub.publish('projectUpdated', projectId, { projectId, kind: 'AVATAR', id: avatarId });
}

/** The public catalog changed: this instance's caches drop at once, every other instance's on the event. */
export const catalogChangedEvent = (deps: { catalog: Catalog }, reason: string): Promise<void> =>
  deps.catalog.changed(reason);
