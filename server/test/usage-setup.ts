// The app the usage tests share, their queries, and helpers that make generations and read what was
// recorded (rows and metrics). Importing this module starts the app before the file's tests.
import { afterAll, beforeAll } from 'vitest';
import { startTestApp, untilStatus, type TestApp } from './helpers.ts';

export let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  app.emulator.configure({ latencyMs: 50, failure: 'tagged' });
});
afterAll(() => app.stop());

export const USAGE = `query($period: UsagePeriod!) { me { usage(period: $period) {
  period from to generations succeeded failed pending totalCost byModel { model count succeeded cost } } } }`;
export const BY_USER = `query($first: Int, $after: String, $period: UsagePeriod! = DAY) {
  usageByUser(period: $period, first: $first, after: $after) { __typename
  ... on UserUsageConnection { totalCount pageInfo { hasNextPage endCursor } edges { cursor node {
    userId email name usage { generations totalCost byModel { model count cost } } } } }
  ... on ValidationError { fieldErrors { path message } } } }`;

export async function project(token: string) {
  return (
    await app.gql(
      `mutation { createProject(input: { name: "Usage" }) { ... on MutationCreateProjectSuccess { data { id } } } }`,
      {},
      token,
    )
  ).data.createProject.data.id as string;
}
export async function image(token: string, projectId: string, prompt = 'a face') {
  const id = (
    await app.gql(
      `mutation($p: ID!, $t: String!) { generateImage(input: { projectId: $p, prompt: $t }) {
        ... on MutationGenerateImageSuccess { data { id } } } }`,
      { p: projectId, t: prompt },
      token,
    )
  ).data.generateImage.data.id;
  await untilStatus(app, token, id, 'SUCCEEDED');
  return id as string;
}
export async function bRoll(token: string, projectId: string, prompt: string, status: string) {
  const id = (
    await app.gql(
      `mutation($p: ID!, $t: String!) { createBRoll(input: { projectId: $p, name: "B", prompt: $t }) {
        ... on MutationCreateBRollSuccess { data { id } } } }`,
      { p: projectId, t: prompt },
      token,
    )
  ).data.createBRoll.data.id;
  await untilStatus(app, token, id, status);
}
export async function metric(name: string, labels: string) {
  const text = await (await fetch(`${app.url}/metrics`)).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith(`${name}{`) && l.includes(labels))
    .reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0);
}

/**
 * What the generation tables themselves say the user spent, grouped by model (SUCCEEDED only), computed apart from the
 * ledger.
 */
export async function recorded(userId: string) {
  return app.sql<{ model: string; count: number; cost: string }>(
    `SELECT model, count(*)::int AS count, coalesce(sum(cost)
      FILTER (WHERE status = 'SUCCEEDED'), 0)::text AS cost FROM (
       SELECT "falModel" AS model, status::text AS status, "estimatedCostUsd" AS cost FROM "Image" WHERE "userId" = $1
         AND "falModel" IS NOT NULL
       UNION ALL SELECT "falModel", status::text, "estimatedCostUsd" FROM "Avatar" WHERE "userId" = $1
         AND "falModel" IS NOT NULL
       UNION ALL SELECT "falModel", status::text, "estimatedCostUsd" FROM "BRoll" WHERE "userId" = $1
         AND "falModel" IS NOT NULL) g
     GROUP BY model ORDER BY model`,
    [userId],
  );
}
