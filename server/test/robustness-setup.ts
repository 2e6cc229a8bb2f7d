// Shared by the robustness tests: each test boots its own app (stopped after it) and, where it needs one,
// its own emulator (stopped after the file); importing this module registers those stops.
import { afterAll, afterEach } from 'vitest';
import type { FalEmulator } from '../src/fal/emulator.ts';
import { startTestApp, type TestApp } from './helpers.ts';

export const started: TestApp[] = [];
export const emulators: FalEmulator[] = [];
afterEach(async () => {
  for (const a of started.splice(0).reverse()) await a.stop().catch(() => {});
});
afterAll(async () => {
  for (const e of emulators) await e.stop();
});

export async function boot(env: Record<string, string> = {}, opts: Parameters<typeof startTestApp>[1] = {}) {
  const app = await startTestApp({ RECONCILE_AFTER_SECONDS: '600', ...env }, opts);
  started.push(app);
  return app;
}

export async function projectOf(app: TestApp, token: string) {
  const r = await app.gql(
    `mutation { createProject(input: { name: "P" }) { ... on MutationCreateProjectSuccess { data { id } } } }`,
    {},
    token,
  );
  return r.data.createProject.data.id as string;
}

export const GENERATE = `mutation($input: GenerateImageInput!) { generateImage(input: $input) {
  ... on MutationGenerateImageSuccess { data { id status } } } }`;
export const NODE = `query($id: ID!) { node(id: $id) { ... on Image { id status failureReason imageUrl }
  ... on Avatar { id status failureReason } } }`;

export const statusOf = async (app: TestApp, token: string, gid: string) =>
  (await app.gql(NODE, { id: gid }, token)).data.node;
