// Which methods a router answers for a path, so a known path asked with another method gets 405
// with `Allow` (RFC 9110 §15.5.6) instead of a 404 that says it does not exist. Reads the router's
// own route table (Express keeps each route's pattern matcher and methods on its layers), narrowed
// here because Express does not type it; catch-all routes (`all`) are not counted.

interface RouteLayer {
  match(path: string): unknown;
  route: { methods: Record<string, unknown> };
}

function isRouteLayer(layer: unknown): layer is RouteLayer {
  if (typeof layer !== 'object' || layer === null || !('match' in layer) || !('route' in layer)) return false;
  const { route, match } = layer;
  return (
    typeof match === 'function' &&
    typeof route === 'object' &&
    route !== null &&
    'methods' in route &&
    typeof route.methods === 'object' &&
    route.methods !== null
  );
}

/** The methods (upper case, HEAD with GET) the router's routes accept for `path`; [] when none matches. */
export function allowedMethods(router: unknown, path: string): string[] {
  // An Express router is a function with a `stack` property.
  const stack: unknown =
    (typeof router === 'function' || (typeof router === 'object' && router !== null)) && 'stack' in router ? router.stack : undefined;
  if (!Array.isArray(stack)) return [];
  const methods = new Set<string>();
  for (const layer of stack) {
    if (!isRouteLayer(layer) || '_all' in layer.route.methods || !layer.match(path)) continue;
    for (const [method, on] of Object.entries(layer.route.methods)) if (on === true) methods.add(method.toUpperCase());
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}
