// The account rules the GraphQL adapter hands to the input boundary (see domain/fields.ts).
import { z } from 'zod';

// The deprecated method form on purpose: its format check runs after trim and toLowerCase; z.email() checks first.
export const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'At most 254 characters.')
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- see above: the check must follow the transforms
  .email('Not a valid email address.');

export const newPassword = z.string().min(8, 'At least 8 characters.').max(200, 'At most 200 characters.');

/** At sign-in only the lengths are checked: a malformed email simply matches no account. */
export const signInEmail = z.string().max(254, 'At most 254 characters.');
export const signInPassword = z.string().max(200, 'At most 200 characters.');
