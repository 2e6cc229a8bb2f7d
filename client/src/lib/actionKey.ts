import { useMemo, useState } from 'react';

export function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/**
 * The idempotencyKey of one user action. It stays the same while the form's input does, so sending the
 * form again after a network error (or a double click) gets back the generation already started instead
 * of paying for a second one; it is new once the input changes or `renew()` is called after a success.
 */
export function useActionKey(inputs: readonly unknown[]): [key: string, renew: () => void] {
  const [done, setDone] = useState(0);
  // `inputs` has the same length at every render of a call site.
  // eslint-disable-next-line react-hooks/use-memo -- the inputs are the dependencies, spread
  const key = useMemo(newKey, [...inputs, done]);
  return [key, () => setDone((n) => n + 1)];
}
