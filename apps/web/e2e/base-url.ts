/** The URL of the BFF that global-setup started (it serves the built SPA and /api). */
export function baseUrl(): string {
  // eslint-disable-next-line no-restricted-syntax -- Playwright hands global-setup results to tests only through the environment
  const url = process.env.ZLENS_E2E_BASE_URL;
  if (!url) throw new Error('ZLENS_E2E_BASE_URL is not set: run through `playwright test`, which runs global-setup');
  return url;
}
