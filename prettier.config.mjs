// The style the code was already written in: 2 spaces, semicolons, single quotes, trailing commas.
/** @type {import('prettier').Config} */
export default {
  printWidth: 120,
  singleQuote: true,
};
