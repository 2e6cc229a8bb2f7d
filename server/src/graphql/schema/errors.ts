import { builder } from '../builder.ts';
import {
  ConflictError,
  InvalidInputError,
  GenerationLimitError,
  InvalidCredentialsError,
  NotFoundError,
  ProviderUnavailableError,
  RateLimitedError,
  UnknownTagsError,
} from '../../domain/errors.ts';

export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'Every expected failure implements Error: query `... on Error { message }` on any result.',
  fields: (t) => ({ message: t.exposeString('message', { description: 'A human-readable English explanation.' }) }),
});

builder.objectType(Error, {
  name: 'BaseError',
  interfaces: [ErrorInterface],
  description: 'An expected failure with no more specific type; only its message is known.',
});

const FieldError = builder.objectRef<{ path: string[]; message: string }>('FieldError').implement({
  description: 'One refused input value: where it is and why.',
  fields: (t) => ({
    path: t.exposeStringList('path', {
      description: 'Path of the offending value inside the arguments, e.g. ["input", "name"].',
    }),
    message: t.exposeString('message', { description: 'Why the value was refused, fit to show beside the field.' }),
  }),
});

export const ValidationErrorRef = builder.objectType(InvalidInputError, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  description: 'Some input was refused (format, length, range); nothing was written.',
  fields: (t) => ({
    fieldErrors: t.field({
      type: [FieldError],
      description: 'Each refused value, with its path inside the arguments.',
      resolve: (err) => err.issues.map((issue) => ({ message: issue.message, path: issue.path.map(String) })),
    }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [ErrorInterface],
  description: 'The ID names nothing you may see (missing, deleted, or owned by someone else); nothing was written.',
  fields: (t) => ({ id: t.exposeString('id', { description: 'The ID that was not found, as sent.' }) }),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  interfaces: [ErrorInterface],
  description:
    'The change clashes with existing data or state (a taken email, tag slug or category slug); nothing was written.',
  fields: (t) => ({
    path: t.exposeStringList('field', { description: 'Path of the clashing input value, e.g. ["input", "email"].' }),
  }),
});

builder.objectType(InvalidCredentialsError, {
  name: 'InvalidCredentialsError',
  interfaces: [ErrorInterface],
  description: 'Email or password is incorrect (which one is not said); no session was created.',
});
builder.objectType(ProviderUnavailableError, {
  name: 'ProviderUnavailableError',
  interfaces: [ErrorInterface],
  description: 'The generator cannot be reached right now; nothing was charged or written: try again later.',
});

builder.objectType(RateLimitedError, {
  name: 'RateLimitedError',
  interfaces: [ErrorInterface],
  description:
    'Too many attempts (failed sign-ins for this account or from this address, or sign-ups from this address); ' +
    'nothing was checked or written.',
  fields: (t) => ({
    retryAfter: t.expose('retryAfter', { type: 'DateTime', description: 'When the next attempt is accepted.' }),
  }),
});

const GenerationLimitKind = builder.enumType('GenerationLimitKind', {
  description: 'Which per-user generation cap was reached.',
  values: {
    IN_FLIGHT: { description: 'Too many generations PENDING at once (GENERATION_MAX_IN_FLIGHT).' },
    DAILY: { description: 'Too many generations started in the last 24 hours (GENERATION_MAX_PER_DAY).' },
  } as const,
});

builder.objectType(GenerationLimitError, {
  name: 'GenerationLimitError',
  interfaces: [ErrorInterface],
  description: 'A per-user cap on generations was reached; nothing was written and nothing was sent to the generator.',
  fields: (t) => ({
    kind: t.field({ type: GenerationLimitKind, resolve: (e) => e.kind, description: 'Which cap.' }),
    limit: t.exposeInt('limit', { description: 'The cap that was reached (a count of generations).' }),
    retryAfter: t.expose('retryAfter', {
      type: 'DateTime',
      nullable: true,
      description:
        "DAILY: when enough of the last 24 hours' generations leave the window for one more. " +
        'IN_FLIGHT: null (it depends on when one of yours finishes; projectUpdated tells).',
    }),
  }),
});

export const UnknownTagsErrorRef = builder.objectType(UnknownTagsError, {
  name: 'UnknownTagsError',
  interfaces: [ErrorInterface],
  description: 'Some tag slugs name no tag; nothing was written.',
  fields: (t) => ({ slugs: t.exposeStringList('slugs', { description: 'The slugs that name no tag.' }) }),
});

builder.scalarType('DateTime', {
  description: 'An ISO-8601 date-time in UTC.',
  serialize: (d) => (d instanceof Date ? d : new Date(d as string)).toISOString(),
  parseValue: (v) => {
    const d = new Date(String(v));
    if (typeof v !== 'string' || Number.isNaN(d.getTime())) throw new TypeError('DateTime must be an ISO-8601 string');
    return d;
  },
});
