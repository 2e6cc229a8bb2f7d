// Longer descriptions of user.ts's types and operations (kept apart so user.ts stays one screen of code).
import { operationDoc, WHO } from '../docs.ts';

const SIGN_IN_LIMITS =
  '10 failed sign-ins per account, or 100 per client address, within 15 minutes; past them RateLimitedError ' +
  '(even for the right password) until its retryAfter. One signIn or signUp per request (aliases included).';

export const userDocs = {
  User:
    'An account. Visible to itself only (`me`, or `node` with its own ID; null for anyone else); ' +
    'admins read other users\u2019 usage through usageByUser.',
  AuthSession:
    'A new session: the bearer token for `Authorization: Bearer <token>` (HTTP) or ' +
    '`connectionParams.authorization` (WebSocket), valid 30 days (SESSION_TTL_HOURS).',
  email: 'A valid email address, at most 254 characters; trimmed and lowercased. Unique across accounts.',
  out: 'Omitted or `{}`: only this session.',
  signUp: operationDoc('Creates an account (role USER) and signs it in.', {
    who: WHO.anonymous,
    limits: '20 sign-ups per client address per hour. One signIn or signUp per request.',
    errors:
      'ConflictError (the email is taken, path ["input", "email"]), RateLimitedError, ValidationError; ' +
      'no account is created then.',
  }),
  signIn: operationDoc('Signs in with email and password; the password is checked with scrypt.', {
    who: WHO.anonymous,
    limits: SIGN_IN_LIMITS,
    errors:
      'InvalidCredentialsError (unknown email or wrong password, not said which), RateLimitedError, ValidationError.',
  }),
} as const;
