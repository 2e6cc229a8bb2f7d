// Use cases of accounts, projects and admin called directly, with a real app's deps on a real database:
// their own authorization, their domain errors and what they publish, without GraphQL in between.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/app/deps.ts';
import type { Actor } from '../src/domain/actor.ts';
import { createApiKey } from '../src/domain/admin/create-api-key.ts';
import { createTag } from '../src/domain/admin/create-tag.ts';
import { createTagCategory } from '../src/domain/admin/create-tag-category.ts';
import { revokeApiKey } from '../src/domain/admin/revoke-api-key.ts';
import { signIn } from '../src/domain/accounts/sign-in.ts';
import { signOut } from '../src/domain/accounts/sign-out.ts';
import { signUp } from '../src/domain/accounts/sign-up.ts';
import {
  ConflictError,
  ForbiddenError,
  InvalidCredentialsError,
  InvalidInputError,
  NotFoundError,
  RateLimitedError,
  UnauthenticatedError,
} from '../src/domain/errors.ts';
import { createProject } from '../src/domain/projects/create-project.ts';
import { deleteProject } from '../src/domain/projects/delete-project.ts';
import { renameProject } from '../src/domain/projects/rename-project.ts';
import { watchProject } from '../src/domain/projects/watch-project.ts';
import type { Topics } from '../src/graphql/pubsub.ts';
import { startTestApp, tableCounts, type TestApp } from './helpers.ts';

let t: TestApp;
let deps: Deps;
let owner: Actor;
let stranger: Actor;
let admin: Actor;
const anonymous: Actor = { kind: 'anonymous' };

let counter = 0;
async function newUser(role: 'USER' | 'ADMIN' = 'USER'): Promise<Actor> {
  const email = `use-case-${++counter}@example.com`;
  const session = await signUp(deps, anonymous, {
    email,
    name: 'Someone',
    password: 'correct horse battery',
    clientAddress: '10.0.0.1',
  });
  if (role === 'ADMIN') await t.prisma.user.update({ where: { id: session.userId }, data: { role } });
  return { kind: 'user', id: session.userId, role };
}

/** The next event of `topic`/`key`, subscribed before `act` runs, and what `read` finds as soon as it arrives. */
async function nextEvent<T extends keyof Topics, R = undefined>(
  topic: T,
  key: string,
  act: () => Promise<unknown>,
  read: () => Promise<R> = async () => undefined as R,
): Promise<{ event: Topics[T]; read: R }> {
  const stop = new AbortController();
  const events = deps.pubsub.subscribe(topic, key, stop.signal)[Symbol.asyncIterator]();
  const next = events.next().then(async ({ value }) => ({ event: value as Topics[T], read: await read() }));
  await new Promise((r) => setTimeout(r, 50));
  await act();
  const seen = await next;
  stop.abort();
  return seen;
}

beforeAll(async () => {
  // Three failed sign-ins lock an account here, so the limit is reached quickly.
  t = await startTestApp({ AUTH_MAX_FAILURES_PER_ACCOUNT: '3' });
  deps = t.app.deps;
  [owner, stranger, admin] = [await newUser(), await newUser(), await newUser('ADMIN')];
});
afterAll(() => t.stop());

describe('projects', () => {
  it('deleteProject by someone else is a NotFoundError and deletes nothing', async () => {
    const project = await createProject(deps, owner, { name: ' Mine ' });
    expect(project.name).toBe('Mine');
    const projectId = encodeGlobalID('Project', project.id);
    const key = `images/temp-generated/${project.ownerId}/${project.id}/upload.png`;
    await t.storage.put(key, Buffer.from('png'), 'image/png');
    await t.prisma.image.create({
      data: { source: 'UPLOAD', status: 'SUCCEEDED', storagePath: key, userId: project.ownerId, projectId: project.id },
    });
    const before = await tableCounts(t);

    const refused = deleteProject(deps, stranger, { projectId });
    await expect(refused).rejects.toBeInstanceOf(NotFoundError);
    await expect(refused).rejects.toThrow(`Project ${projectId} was not found.`);
    await expect(deleteProject(deps, anonymous, { projectId })).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(await tableCounts(t)).toEqual(before);
    expect(await t.storage.stat(key)).not.toBeNull();

    const { event } = await nextEvent('projectUpdated', project.id, () => deleteProject(deps, owner, { projectId }));
    expect(event).toEqual({ projectId: project.id, kind: 'PROJECT', id: project.id });
    expect(await t.prisma.project.findUnique({ where: { id: project.id } })).toBeNull();
    expect(await t.prisma.image.count({ where: { projectId: project.id } })).toBe(0);
    expect(await t.storage.stat(key)).toBeNull();
  });

  it('renameProject publishes once the new name can be read; a malformed or foreign ID names no project', async () => {
    const project = await createProject(deps, owner, { name: 'Before' });
    const projectId = encodeGlobalID('Project', project.id);
    const { event, read } = await nextEvent(
      'projectUpdated',
      project.id,
      () => renameProject(deps, owner, { projectId, name: 'After' }),
      () => t.prisma.project.findUniqueOrThrow({ where: { id: project.id } }),
    );
    expect(event.kind).toBe('PROJECT');
    expect(read.name).toBe('After');

    await expect(renameProject(deps, stranger, { projectId, name: 'Theirs' })).rejects.toBeInstanceOf(NotFoundError);
    const tagId = encodeGlobalID('Tag', project.id);
    await expect(renameProject(deps, owner, { projectId: tagId, name: 'x' })).rejects.toThrow(
      `Project ${tagId} was not found.`,
    );
    await expect(renameProject(deps, owner, { projectId: '%%%', name: 'x' })).rejects.toThrow(
      'Project %%% was not found.',
    );
    expect((await t.prisma.project.findUniqueOrThrow({ where: { id: project.id } })).name).toBe('After');
  });

  it('watchProject refuses someone else’s project with the message clients see', async () => {
    const project = await createProject(deps, owner, { name: 'Watched' });
    const projectId = encodeGlobalID('Project', project.id);
    await expect(watchProject(deps, stranger, { projectId })).rejects.toThrow(`Project ${projectId} was not found.`);
    await expect(watchProject(deps, owner, { projectId })).resolves.toBeDefined();
  });
});

describe('accounts', () => {
  it(
    'refuses a duplicate email, an unknown email like a wrong password, ' + 'and locks an account past its failures',
    async () => {
      const email = 'Locked@Example.com';
      const input = { email, name: 'Locked', password: 'correct horse battery', clientAddress: '10.0.0.2' };
      await signUp(deps, anonymous, input);
      await expect(signUp(deps, anonymous, { ...input, email: ' locked@example.com ' })).rejects.toBeInstanceOf(
        ConflictError,
      );
      const attempt = (password: string, address = email) =>
        signIn(deps, anonymous, { email: address, password, clientAddress: '10.0.0.2' });
      await expect(attempt('wrong', 'nobody@example.com')).rejects.toBeInstanceOf(InvalidCredentialsError);
      const session = await attempt('correct horse battery');
      expect(session.token).toMatch(/^bas_/);
      for (let i = 0; i < 3; i++) await expect(attempt('wrong')).rejects.toBeInstanceOf(InvalidCredentialsError);
      await expect(attempt('correct horse battery')).rejects.toBeInstanceOf(RateLimitedError);
    },
  );

  it('signOut needs a signed-in user and ends only that user’s session', async () => {
    await expect(signOut(deps, anonymous, { everywhere: true, sessionTokenHash: null })).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
    const sessions = await t.prisma.session.count();
    await signOut(deps, stranger, { everywhere: false, sessionTokenHash: 'not-a-session' });
    expect(await t.prisma.session.count()).toBe(sessions);
  });
});

describe('admin', () => {
  it('lets only admins change the taxonomy, with typed refusals, and says the catalog changed', async () => {
    await expect(createTagCategory(deps, owner, { name: 'Style' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createTagCategory(deps, anonymous, { name: 'Style' })).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(await t.prisma.tagCategory.count({ where: { slug: 'style' } })).toBe(0);

    const { event } = await nextEvent('catalogChanged', 'all', () => createTagCategory(deps, admin, { name: 'Style' }));
    expect(event.reason).toBe('tag category created');
    const category = await t.prisma.tagCategory.findUniqueOrThrow({ where: { slug: 'style' } });
    await expect(createTagCategory(deps, admin, { name: 'Style' })).rejects.toBeInstanceOf(ConflictError);

    const categoryId = encodeGlobalID('TagCategory', category.id);
    const noSlug = createTag(deps, admin, { categoryId, name: '***' });
    await expect(noSlug).rejects.toBeInstanceOf(InvalidInputError);
    await expect(noSlug).rejects.toMatchObject({ issues: [{ path: ['input', 'slug'] }] });
    const missing = encodeGlobalID('TagCategory', 'missing');
    await expect(createTag(deps, admin, { categoryId: missing, name: 'Bold' })).rejects.toThrow(
      `Tag category ${missing} was not found.`,
    );
    await expect(createTag(deps, admin, { categoryId, name: 'Bold' })).resolves.toMatchObject({ slug: 'bold' });
  });

  it('API keys: created by admins only; revoking an unknown one is a NotFoundError', async () => {
    const partner: Actor = { kind: 'apiKey', id: 'k', name: 'Partner' };
    await expect(createApiKey(deps, partner, { name: 'Mine' })).rejects.toBeInstanceOf(UnauthenticatedError);
    const { key, apiKey } = await createApiKey(deps, admin, { name: ' Agence X ' });
    expect(key.startsWith(apiKey.prefix)).toBe(true);
    expect(apiKey).toMatchObject({ name: 'Agence X', scopes: ['catalog:read'], revokedAt: null });
    const id = encodeGlobalID('ApiKey', apiKey.id);
    await expect(revokeApiKey(deps, owner, { id })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await revokeApiKey(deps, admin, { id })).revokedAt).toBeInstanceOf(Date);
    const unknown = encodeGlobalID('ApiKey', 'unknown');
    await expect(revokeApiKey(deps, admin, { id: unknown })).rejects.toThrow(`API key ${unknown} was not found.`);
  });
});
