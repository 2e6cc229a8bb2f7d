// The shape of an operation's description in the schema (GraphiQL's docs explorer, schema.graphql): what it does,
// then who may call it, its limits and the typed errors it returns, each on a line of its own. See README
// "Schema documentation"; server/test/schema-descriptions.test.ts fails on any undescribed element.

/** Who may call an operation. API keys reach only the catalog reads (publicAvatars, tagCategories, node, nodes). */
export const WHO = {
  anyone: 'anyone: anonymous, signed in, or an API key',
  anonymous: 'anyone, signed in or not (not an API key)',
  user: 'signed in (UNAUTHENTICATED otherwise); only on your own data',
  admin: 'admins (UNAUTHENTICATED when anonymous, FORBIDDEN for other users)',
} as const;

interface OperationDoc {
  who: string;
  limits?: string;
  /** The typed errors of its result union besides ValidationError, which every mutation may return. */
  errors?: string;
}

/** A Query, Mutation or Subscription field's description. */
export function operationDoc(what: string, { who, limits, errors }: OperationDoc): string {
  return [
    what,
    '',
    `**Who:** ${who}.`,
    ...(limits ? [`**Limits:** ${limits}`] : []),
    ...(errors ? [`**Errors:** ${errors}`] : []),
  ].join('\n');
}

/** The errors plugin's `dataField` option: the description of `Mutation…Success.data`. */
export const data = (description: string) => ({ dataField: { description } });

/** The limits of every mutation that starts a generation (README "Generation limits"). */
export const GENERATION_LIMITS =
  'per user, GENERATION_MAX_IN_FLIGHT (default 50) PENDING at once and GENERATION_MAX_PER_DAY (default 1000) ' +
  'started in a rolling 24 hours (admins exempt); a replay of an idempotencyKey is never limited.';

export const GENERATION_ERRORS =
  'NotFoundError (an ID names nothing of yours), GenerationLimitError (a cap reached), ValidationError ' +
  '(input out of range); nothing is written or sent to the generator then.';
