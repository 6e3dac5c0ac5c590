// The one formatter of the workspace (`pnpm format`; `pnpm format:check` runs in `pnpm test`).
// Wide lines, as the code was written before Prettier: a newcomer reads a call on one line.
/** @type {import('prettier').Config} */
export default {
  printWidth: 140,
  singleQuote: true,
  trailingComma: 'all',
};
