import { InputValidationError } from '@pothos/plugin-validation';

export { InputValidationError };

/** Expected failures, returned as typed members of a mutation's result union. */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
  constructor(readonly what: string, readonly id: string) {
    super(`${what} ${id} was not found.`);
  }
}

export class ConflictError extends Error {
  override name = 'ConflictError';
  constructor(message: string, readonly field: string[]) {
    super(message);
  }
}

export class InvalidCredentialsError extends Error {
  override name = 'InvalidCredentialsError';
  constructor() {
    super('Email or password is incorrect.');
  }
}

/** Too many attempts (failed sign-ins of an account or from an address, sign-ups from an address); nothing was checked or written. */
export class RateLimitedError extends Error {
  override name = 'RateLimitedError';
  constructor(message: string, readonly retryAfter: Date) {
    super(message);
  }
}

export class UnknownTagsError extends Error {
  override name = 'UnknownTagsError';
  constructor(readonly slugs: string[]) {
    super(`Unknown tag${slugs.length > 1 ? 's' : ''}: ${slugs.join(', ')}.`);
  }
}

/** A validation failure found by a resolver (not by a zod schema): same GraphQL type, same field paths. */
export function invalid(path: (string | number)[], message: string): InputValidationError {
  return new InputValidationError({ issues: [{ message, path }] });
}

export class ProviderUnavailableError extends Error {
  override name = 'ProviderUnavailableError';
  constructor(detail: string) {
    super(`The generator cannot be reached right now (${detail}). Nothing was charged; try again.`);
  }
}

/** A per-user generation cap was reached; nothing was written and nothing was sent to the provider. */
export class GenerationLimitError extends Error {
  override name = 'GenerationLimitError';
  constructor(readonly kind: 'IN_FLIGHT' | 'DAILY', readonly limit: number, readonly retryAfter: Date | null) {
    super(
      kind === 'IN_FLIGHT'
        ? `You already have ${limit} generation${limit === 1 ? '' : 's'} in progress; start another when one finishes.`
        : `You reached your limit of ${limit} generations in 24 hours; try again after ${retryAfter?.toISOString() ?? 'a while'}.`,
    );
  }
}
