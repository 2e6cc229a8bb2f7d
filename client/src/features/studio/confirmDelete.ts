import { errorOf, messageOf } from '../../lib/errors.ts';

/** Asks first; a refused deletion (typed error or thrown) is said in an alert. */
export async function confirmDelete(question: string, remove: () => Promise<object | null | undefined>): Promise<void> {
  if (!confirm(question)) return;
  try {
    const err = errorOf(await remove());
    if (err) alert(err.message);
  } catch (err) {
    alert(messageOf(err));
  }
}
