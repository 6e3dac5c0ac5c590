// The path zlens is served under. Behind a portal's reverse proxy the BFF may serve zlens under a
// prefix (ZLENS_BASE_PATH, e.g. /zlens) and injects <base href="/zlens/"> into index.html; the
// built asset URLs are relative (vite `base: './'`) and resolve against that element too. Vite's
// dev server injects none: then zlens runs at '/'. Read on every call (a querySelector), so a
// test can set the element without reloading modules.

/** The base path, starting and ending with '/': '/' or '/zlens/'. */
export function basePath(doc: Document = document): string {
  const href = doc.querySelector('base')?.getAttribute('href');
  if (href === null || href === undefined || href.trim() === '') return '/';
  let path: string;
  try {
    // Only the path counts: an absolute href names this origin anyway.
    path = new URL(href.trim(), 'http://zlens.invalid/').pathname;
  } catch {
    return '/';
  }
  return path.endsWith('/') ? path : `${path}/`;
}

/** The router's basename: the base path without its trailing slash ('/' at the root). */
export function routerBasename(doc: Document = document): string {
  const base = basePath(doc);
  return base === '/' ? '/' : base.slice(0, -1);
}

/** The BFF's API root: '/api/v1' or '/zlens/api/v1'. */
export function apiBase(doc: Document = document): string {
  return `${basePath(doc)}api/v1`;
}

/** The URL of zlens's root without a trailing slash, for links copied out of zlens (`origin/zlens`). */
export function appRoot(origin: string, doc: Document = document): string {
  return `${origin}${basePath(doc).slice(0, -1)}`;
}
