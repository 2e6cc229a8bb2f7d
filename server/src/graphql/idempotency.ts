// The optional `idempotencyKey` of the mutations that start a generation (createAvatar, generateImage,
// editImage, createBRoll): one validation and one promise for all of them.
import { z } from 'zod';

export const idempotencyKey = z.string().min(1, 'Required when given.').max(100, 'At most 100 characters.');

export const IDEMPOTENCY_KEY_DESCRIPTION = (row: string) =>
  `1–100 characters, one per user action (e.g. a UUID), sent again when the request is retried. Per user: ` +
  `the first request with a key creates the ${row}; ` +
  `every other one with that key, even simultaneous, returns that ${row} ` +
  `(perhaps still PENDING) whatever its other input, starts nothing and is never limited. Fal is called once per key.`;
