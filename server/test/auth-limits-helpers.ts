// Shared by the auth rate-limit tests: sign-in and sign-up documents, and a POST to /graphql with extra
// headers (X-Forwarded-For) that keeps the raw body text, to compare answers byte for byte.
import { randomBytes } from 'node:crypto';
import type { TestApp } from './helpers.ts';

export const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) {
  __typename ... on MutationSignInSuccess { data { token } } ... on RateLimitedError { retryAfter }
    ... on Error { message } } }`;
export const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) {
  __typename ... on MutationSignUpSuccess { data { token } } ... on RateLimitedError { retryAfter }
    ... on Error { message } } }`;
export const PASSWORD = 'correct horse battery';

/** A POST to /graphql with extra headers (X-Forwarded-For); the raw body text too, to compare answers byte for byte. */
export async function post(
  app: TestApp,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  return {
    status: res.status,
    text,
    body: JSON.parse(text) as {
      data?: any;
      errors?: { message: string; extensions?: Record<string, any> }[];
    },
  };
}

export const randomAddress = () => `10.${[...randomBytes(3)].join('.')}`;
export const from = (address: string) => ({
  'x-forwarded-for': `6.6.6.6, ${address}`,
});
export const signIn = (app: TestApp, email: string, password: string, headers: Record<string, string> = {}) =>
  post(app, SIGN_IN, { input: { email, password } }, headers).then((r) => r.body.data!.signIn);
