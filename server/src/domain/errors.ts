// Expected failures of use cases. They say what went wrong in the product's terms and know nothing of the
// transport: the GraphQL layer maps each to a member of a mutation's result union (schema/errors.ts) or to
// an error code (graphql/format-error.ts). Model: documenso's packages/lib/errors/app-error.ts.

/** Every expected failure; anything else a use case throws is a bug and is masked as internal. */
export abstract class AppError extends Error {}

export interface InputIssue {
  /** Where the offending value is inside the arguments, e.g. ["input", "name"]. */
  path: readonly (string | number)[];
  message: string;
}

/** One or more values of the input are refused; nothing was read or written. */
export class InvalidInputError extends AppError {
  override name = 'InvalidInputError';
  constructor(readonly issues: readonly InputIssue[]) {
    super(`Validation error: ${issues.map((i) => `${i.path.join('.') || 'unknown'}: ${i.message}`).join(', ')}`);
  }
}

/** A refusal of one value, found by a use case rather than by a schema. */
export const invalid = (path: readonly (string | number)[], message: string) =>
  new InvalidInputError([{ path, message }]);

/** No actor: the use case needs a signed-in user. */
export class UnauthenticatedError extends AppError {
  override name = 'UnauthenticatedError';
  constructor(message = 'Sign in first.') {
    super(message);
  }
}

/** The actor is known but may not do this. */
export class ForbiddenError extends AppError {
  override name = 'ForbiddenError';
  constructor(message = 'You are not allowed to do this.') {
    super(message);
  }
}

/** Missing, deleted, or someone else's: the three look the same so nothing leaks. */
export class NotFoundError extends AppError {
  override name = 'NotFoundError';
  constructor(
    readonly what: string,
    readonly id: string,
  ) {
    super(`${what} ${id} was not found.`);
  }
}

export class ConflictError extends AppError {
  override name = 'ConflictError';
  constructor(
    message: string,
    readonly field: string[],
  ) {
    super(message);
  }
}

export class InvalidCredentialsError extends AppError {
  override name = 'InvalidCredentialsError';
  constructor() {
    super('Email or password is incorrect.');
  }
}

/**
 * Too many attempts (failed sign-ins of an account or from an address, sign-ups from an address); nothing was checked
 * or written.
 */
export class RateLimitedError extends AppError {
  override name = 'RateLimitedError';
  constructor(
    message: string,
    readonly retryAfter: Date,
  ) {
    super(message);
  }
}

export class UnknownTagsError extends AppError {
  override name = 'UnknownTagsError';
  constructor(readonly slugs: string[]) {
    super(`Unknown tag${slugs.length > 1 ? 's' : ''}: ${slugs.join(', ')}.`);
  }
}

export class ProviderUnavailableError extends AppError {
  override name = 'ProviderUnavailableError';
  constructor(detail: string) {
    super(`The generator cannot be reached right now (${detail}). Nothing was charged; try again.`);
  }
}

/** A per-user generation cap was reached; nothing was written and nothing was sent to the provider. */
export class GenerationLimitError extends AppError {
  override name = 'GenerationLimitError';
  constructor(
    readonly kind: 'IN_FLIGHT' | 'DAILY',
    readonly limit: number,
    readonly retryAfter: Date | null,
  ) {
    super(
      kind === 'IN_FLIGHT'
        ? `You already have ${limit} generation${limit === 1 ? '' : 's'} in progress; start another when one finishes.`
        : `You reached your limit of ${limit} generations in 24 hours; ` +
            `try again after ${retryAfter?.toISOString() ?? 'a while'}.`,
    );
  }
}
