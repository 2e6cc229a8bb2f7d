// The one error formatter of every transport: Apollo's formatError (HTTP) and graphql-ws's onNext and
// onError (WebSocket). A client sees what it did wrong (typed codes, field paths) and nothing of the
// server: an unexpected error becomes "Internal server error", and its message, stack, file paths and
// SQL go to the log line, with the request id, instead.
import { PothosValidationError } from '@pothos/core';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ForbiddenError, InvalidInputError, NotFoundError, UnauthenticatedError } from '../domain/errors.ts';
import { type Logger, withRequestId } from '../log.ts';

export interface FormatOptions {
  /** Development shows internal errors as they are (with Apollo's stack trace); they are logged either way. */
  dev: boolean;
  /** Where an internal error is reported. */
  log: Logger;
  /** The request (or WebSocket connection) the error belongs to; over HTTP the log scope carries it already. */
  requestId?: string;
}

/** Each refused input value's path (["input", "name"]) and message. */
export function fieldErrorsOf(error: InvalidInputError): { path: string[]; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message }));
}

/** What was thrown, under graphql-js's and graphql-ws's wrapping GraphQLErrors. */
function thrownOf(error: unknown): unknown {
  let thrown = error;
  while (thrown instanceof GraphQLError && thrown.originalError) thrown = thrown.originalError;
  return thrown;
}

const withPath = (formatted: GraphQLFormattedError) => (formatted.path ? { path: formatted.path } : {});

export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  { dev, log, requestId }: FormatOptions,
): GraphQLFormattedError {
  const thrown = thrownOf(error);
  // A use case's authorization, outside a result union: the same codes as the transport's own checks.
  if (thrown instanceof UnauthenticatedError)
    return { message: thrown.message, extensions: { code: 'UNAUTHENTICATED' }, ...withPath(formatted) };
  if (thrown instanceof ForbiddenError)
    return { message: thrown.message, extensions: { code: 'FORBIDDEN' }, ...withPath(formatted) };
  // Where no result union can carry it (a subscription's subscribe): a use case's NotFoundError as a code.
  if (thrown instanceof NotFoundError)
    return { message: thrown.message, extensions: { code: 'NOT_FOUND' }, ...withPath(formatted) };
  if (thrown instanceof InvalidInputError) {
    return {
      message: thrown.message,
      extensions: { code: 'BAD_USER_INPUT', fieldErrors: fieldErrorsOf(thrown) },
      ...withPath(formatted),
    };
  }
  // Pothos reports what a client sent wrong (a malformed cursor, a negative page size) this way.
  if (thrown instanceof PothosValidationError)
    return { message: thrown.message, extensions: { code: 'BAD_USER_INPUT' }, ...withPath(formatted) };
  // A GraphQLError was made on purpose (by a resolver with its code, by graphql-js or Apollo for a bad
  // request); anything else, or one that says it is internal, escaped by accident.
  const internal = !(thrown instanceof GraphQLError) || formatted.extensions?.code === 'INTERNAL_SERVER_ERROR';
  if (!internal) return formatted;
  const report = () =>
    log.error({ event: 'graphql.internal_error', err: thrown, path: formatted.path }, 'internal error');
  if (requestId) withRequestId(requestId, report);
  else report();
  if (dev) return formatted;
  return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' }, ...withPath(formatted) };
}

/** graphql-ws hands GraphQLError objects, which it would send as `toJSON()`: the same formatter on those. */
export const formatGraphQLErrors = (errors: readonly GraphQLError[], options: FormatOptions): GraphQLFormattedError[] =>
  errors.map((e) => formatGraphQLError(e.toJSON(), e, options));
