// What a string must look like to cross the input boundary (graphql/input-boundary.ts); also where a value
// arrives packed inside another (a catalog cursor). What a row id looks like is ids.ts's.

declare global {
  // Node 20 has it (ES2024); the project's lib is ES2023.
  interface String {
    isWellFormed(): boolean;
  }
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001F]/;
// eslint-disable-next-line no-control-regex -- as above, but tabs and line ends may stay
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/** Why `text` may not cross the boundary, or null when it may. */
export function textProblem(text: string, multiline = false): string | null {
  if (!text.isWellFormed()) return 'Must be valid Unicode text (it contains a lone surrogate).';
  if (multiline)
    return CONTROL_BUT_LINES.test(text) ? 'Must not contain control characters other than tab and line breaks.' : null;
  return CONTROL.test(text) ? 'Must be a single line of text without control characters.' : null;
}
