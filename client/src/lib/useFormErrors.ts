import { useState } from 'react';
import { graphql } from '../gql';
import { errorOf, formErrors, messageOf, NO_ERRORS, type ErrorLike, type FormErrors } from './errors.ts';

/** What every mutation selects of its expected failures, as formErrors reads them. */
export const FormErrors_error = graphql(`
  fragment FormErrors_error on Error {
    message
    ... on ValidationError {
      fieldErrors {
        path
        message
      }
    }
  }
`);

type Success<R> = Extract<R, { data: unknown }>;

const succeeded = <R extends object>(result: R | null | undefined): result is Success<R> =>
  !!result && 'data' in result;

export interface FormErrorsState {
  errors: FormErrors;
  set(errors: FormErrors): void;
  /**
   * Runs a form's action: clears the errors, then shows the failure beside its fields (an error result,
   * or a thrown error on the form). Returns the success (the result with `data`), else undefined.
   */
  run<R extends object>(action: () => Promise<R | null | undefined>): Promise<Success<R> | undefined>;
}

/**
 * A form's errors. `known` lists the input fields the form shows; `shape` re-maps the errors when the
 * form shows them elsewhere (e.g. every upload error beside the file input).
 */
export function useFormErrors(
  known: readonly string[],
  shape: (e: FormErrors) => FormErrors = (e) => e,
): FormErrorsState {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const run = async <R extends object>(action: () => Promise<R | null | undefined>) => {
    setErrors(NO_ERRORS);
    try {
      const result = await action();
      const err: ErrorLike | undefined = errorOf(result);
      if (err) setErrors(shape(formErrors(err, known)));
      return succeeded(result) ? result : undefined;
    } catch (err) {
      setErrors(shape({ fields: {}, general: messageOf(err) }));
      return undefined;
    }
  };
  return { errors, set: setErrors, run };
}
