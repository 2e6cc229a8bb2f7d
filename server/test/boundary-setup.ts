// The app the input-boundary tests share (its error log captured in `written`), a project of its user,
// and their documents and checks. Importing this module starts the app before the file's tests.
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, expect } from 'vitest';
import { startTestApp, type TestApp } from './helpers.ts';

export const written: string[] = [];
export let app: TestApp;
export let user: { token: string; userId: string };
export let projectId: string;
beforeAll(async () => {
  app = await startTestApp(
    {},
    { logLevel: 'error', logDestination: { write: (chunk: string) => void written.push(chunk) } },
  );
  user = await app.signUp();
  projectId = (
    await app.gql(
      `mutation { createProject(input: { name: "Boundary" }) { ... on MutationCreateProjectSuccess { data { id } } } }`,
      {},
      user.token,
    )
  ).data.createProject.data.id;
});
afterAll(async () => {
  await app.stop();
});

export const b64 = (s: string) => Buffer.from(s).toString('base64');
export const logLines = () =>
  written
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, any>);

/** Nothing a client may see of the server: no internal message, stack, file path or SQL. */
export function expectNoInternals(body: unknown) {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(
    /INTERNAL_SERVER_ERROR|prisma|invalid byte sequence|22021|\.ts:\d+|\/work\/|node_modules|stacktrace|SELECT /i,
  );
}

export const CREATE_PROJECT = `mutation($input: CreateProjectInput!) { createProject(input: $input) { __typename
  ... on ValidationError { fieldErrors { path message } } } }`;
export const GENERATE = `mutation($input: GenerateImageInput!) { generateImage(input: $input) { __typename
  ... on MutationGenerateImageSuccess { data { id prompt } }
    ... on ValidationError { fieldErrors { path message } } } }`;

/** The first message of a subscription over graphql-ws: a result, or the error sink's argument. */
export function firstOf(
  client: Client,
  query: string,
  variables: Record<string, unknown>,
): Promise<{ next?: any; error?: any }> {
  return new Promise((resolve) => {
    const stop = client.subscribe(
      { query, variables },
      {
        next: (value) => {
          resolve({ next: value });
          stop();
        },
        error: (error) => resolve({ error }),
        complete: () => resolve({}),
      },
    );
  });
}
