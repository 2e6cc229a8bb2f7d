// A project with one finished image, avatar and b-roll, made through the API (fal emulator), for the
// download and export tests.
import { waitFor, type TestApp } from './helpers.ts';

export interface ProjectMedia {
  projectId: string;
  imageId: string;
  avatarId: string;
  bRollId: string;
}

const STATUS = `query($id: ID!) { node(id: $id) { ... on Image { status } ... on Avatar { status }
  ... on BRoll { status } } }`;

/** Waits (generously: the machine may be loaded) until a generation is SUCCEEDED. */
export const untilSucceeded = (app: TestApp, token: string, id: string) =>
  waitFor(
    `${id} SUCCEEDED`,
    async () => (await app.gql(STATUS, { id }, token)).data.node?.status === 'SUCCEEDED',
    120_000,
  );

async function data(app: TestApp, token: string, query: string, variables: Record<string, unknown>, field: string) {
  const r = await app.gql(query, variables, token);
  const out = r.data[field]?.data;
  if (!out) throw new Error(`${field} failed: ${JSON.stringify(r)}`);
  return out as { id: string };
}

export async function makeProject(app: TestApp, token: string, name: string): Promise<string> {
  const q = `mutation($n: String!) { createProject(input: { name: $n }) {
    ... on MutationCreateProjectSuccess { data { id } } } }`;
  return (await data(app, token, q, { n: name }, 'createProject')).id;
}

export async function makeImage(app: TestApp, token: string, projectId: string, prompt: string): Promise<string> {
  const q = `mutation($p: ID!, $t: String!) { generateImage(input: { projectId: $p, prompt: $t }) {
    ... on MutationGenerateImageSuccess { data { id } } ... on Error { message } } }`;
  const { id } = await data(app, token, q, { p: projectId, t: prompt }, 'generateImage');
  await untilSucceeded(app, token, id);
  return id;
}

/** A private avatar made through the API (a studio image, then Seedance), SUCCEEDED. */
export async function makeAvatar(app: TestApp, token: string, projectId: string, name: string): Promise<string> {
  const imageId = await makeImage(app, token, projectId, 'a face');
  const q = `mutation($i: CreateAvatarInput!) { createAvatar(input: $i) {
    ... on MutationCreateAvatarSuccess { data { id } } ... on Error { message } } }`;
  const { id } = await data(app, token, q, { i: { projectId, name, imageId } }, 'createAvatar');
  await untilSucceeded(app, token, id);
  return id;
}

/** An image, an avatar made from another image, and a b-roll, all SUCCEEDED, in a new project. */
export async function makeProjectMedia(
  app: TestApp,
  token: string,
  names: { project: string; image: string; avatar: string; bRoll: string },
): Promise<ProjectMedia> {
  const projectId = await makeProject(app, token, names.project);
  const imageId = await makeImage(app, token, projectId, names.image);
  const reference = await makeImage(app, token, projectId, 'A portrait, studio light');
  const avatar = await data(
    app,
    token,
    `mutation($i: CreateAvatarInput!) { createAvatar(input: $i) {
      ... on MutationCreateAvatarSuccess { data { id } } } }`,
    { i: { projectId, name: names.avatar, imageId: reference } },
    'createAvatar',
  );
  const bRoll = await data(
    app,
    token,
    `mutation($i: CreateBRollInput!) { createBRoll(input: $i) { ... on MutationCreateBRollSuccess { data { id } } } }`,
    { i: { projectId, name: names.bRoll, prompt: 'A city street at night' } },
    'createBRoll',
  );
  await untilSucceeded(app, token, avatar.id);
  await untilSucceeded(app, token, bRoll.id);
  return { projectId, imageId, avatarId: avatar.id, bRollId: bRoll.id };
}
