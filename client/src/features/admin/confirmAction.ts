import { errorOf, messageOf } from '../../lib/errors.ts';

/** Asks first; a refusal (an error result, or a thrown error) is said in an alert. */
export async function confirmAction(question: string, act: () => Promise<object | null | undefined>): Promise<void> {
  if (confirm(question)) await reportRefusal(act);
}

/** Runs an action the user asked for without a form (a move): a refusal is said in an alert. */
export async function reportRefusal(act: () => Promise<object | null | undefined>): Promise<void> {
  try {
    const err = errorOf(await act());
    if (err) alert(err.message);
  } catch (err) {
    alert(messageOf(err));
  }
}
