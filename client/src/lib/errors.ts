// Mutation results are unions: a `…Success { data }` or error types implementing `Error { message }`.
// These helpers turn an error result into what a form shows: a message beside each field, and the rest.

export interface ErrorLike {
  __typename?: string;
  message?: string;
  fieldErrors?: readonly { path: readonly string[]; message: string }[] | null;
  path?: readonly string[] | null;
}

export interface FormErrors {
  /** Keyed by the field's name inside `input` ("name", "prompt", …). */
  fields: Record<string, string>;
  /** What no field on the form can show (the error's message, or a field the form does not have). */
  general?: string;
}

export const NO_ERRORS: FormErrors = { fields: {} };

/** The key of a field path: ["input", "name"] → "name", ["input", "tags", "2"] → "tags", ["email"] → "email". */
export function fieldKey(path: readonly string[]): string {
  const rest = path[0] === 'input' ? path.slice(1) : path;
  const named = rest.filter((p) => !/^\d+$/.test(p));
  return named.join('.') || path.join('.');
}

/**
 * Maps an error result onto a form's fields. `known` lists the fields the form shows; an error about
 * any other field (or without fields) becomes `general`, so nothing is lost.
 */
export function formErrors(result: ErrorLike | null | undefined, known: readonly string[]): FormErrors {
  if (!result?.message) return NO_ERRORS;
  const fields: Record<string, string> = {};
  const stray: string[] = [];
  const paths = result.fieldErrors?.length
    ? result.fieldErrors
    : result.path?.length
      ? [{ path: result.path, message: result.message }] // ConflictError { path }
      : [];
  for (const fe of paths) {
    const key = fieldKey(fe.path);
    if (known.includes(key)) fields[key] = fields[key] ? `${fields[key]} ${fe.message}` : fe.message;
    else stray.push(fe.message);
  }
  const general = paths.length === 0 ? result.message : stray.length ? stray.join(' ') : undefined;
  return general ? { fields, general } : { fields };
}

/** The error of a mutation result, or undefined for a success (anything with `data`). */
export function errorOf(result: object | null | undefined): ErrorLike | undefined {
  if (!result) return undefined;
  if ('data' in result) return undefined;
  return 'message' in result ? (result as ErrorLike) : undefined;
}

/** A readable message from a thrown error (network failure, GraphQL error). */
export function messageOf(err: unknown): string {
  if (err && typeof err === 'object' && 'message' in err && typeof err.message === 'string') {
    return (err as { message: string }).message;
  }
  return String(err);
}
